using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeanTeamsApp.Infrastructure.Events;

public static class EventsModule
{
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddSingleton(typeof(Announcer<>));
        return services;
    }

    /// <summary>Registers <typeparamref name="TSubscriber"/> (one instance) for what it subscribes to.</summary>
    public static IServiceCollection AddSubscriber<T, TSubscriber>(this IServiceCollection services)
        where TSubscriber : class, ISubscriber<T>
    {
        services.TryAddSingleton<TSubscriber>();
        services.AddSingleton<ISubscriber<T>>(sp => sp.GetRequiredService<TSubscriber>());
        return services;
    }
}
