using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.BotFramework.Authentication;
using LeanTeamsApp.BotFramework.Connector;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.Bot;

public static class BotModule
{
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(BotOptions.Section);
        services.AddOptions<BotOptions>().Bind(section).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.AppId) || Guid.TryParse(o.AppId, out _), "Bot:AppId must be the bot's app id (a GUID).")
            .Validate(o => string.IsNullOrEmpty(o.AppId) || !string.IsNullOrEmpty(o.AppPassword), "Bot:AppPassword is required when Bot:AppId is set.")
            // New bots are single-tenant: without a tenant the token would be asked from the retired multi-tenant authority.
            .Validate(o => string.IsNullOrEmpty(o.AppId) || Guid.TryParse(o.TenantId, out _), "Bot:TenantId (the Entra tenant GUID) is required when Bot:AppId is set.")
            // Unauthenticated requests would let anyone act as anyone: only on a developer's machine or in tests.
            .Validate(o => !o.AllowUnauthenticatedLocalRequests || !environment.IsProduction(), "Bot:AllowUnauthenticatedLocalRequests must not be set in Production.")
            .ValidateOnStart();
        var bot = section.Get<BotOptions>() ?? new BotOptions();
        services.AddBotAuthentication(o =>
        {
            o.AppId = bot.AppId;
            o.TenantId = bot.TenantId;
            o.AllowUnauthenticatedWhenNoAppId = bot.AllowUnauthenticatedLocalRequests;
        });
        services.AddBotConnector(o =>
        {
            o.AppId = bot.AppId;
            o.AppPassword = bot.AppPassword;
            o.TenantId = bot.TenantId;
            o.TrustedServiceUrlHosts.AddRange(bot.ExtraTrustedServiceUrlHosts);
        });
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTable(ConversationReferences.Table);
        services.AddTable(Outbox.Table);
        services.AddTable(DeliveryProblemStore.Table);
        // Only about reaching a person (their chat, messages queued to them, why they could not be reached): erasure deletes it.
        services.AddPersonalData(ConversationReferences.Table, "conversations", Erasure.Delete);
        services.AddPersonalData(Outbox.Table, "queuedMessages", Erasure.Delete);
        services.AddPersonalData(DeliveryProblemStore.Table, "deliveryProblems", Erasure.Delete);
        services.AddSingleton<ConversationReferences>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<DeliveryProblemStore>();
        services.AddSingleton<DeliveryHealth>();
        services.AddSingleton<OutboxSenders>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<OutboxCleanupScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxCleanupScheduler>());
        services.AddSingleton<UnitInChat>();
        services.AddSingleton<ActivityDispatcher>();
        // The bot's own command, so `help` lists itself first.
        services.AddBotCommand(HelpCard.Name, HelpCard.Text, (sp, turn, _, ct) => HelpCard.ReplyAsync(turn, sp.GetServices<BotCommand>(), ct));
        return services;
    }

    /// <summary>Registers a feature's chat command: its words and help lines in every language, and its handler.</summary>
    public static IServiceCollection AddBotCommand(
        this IServiceCollection services, string name, CommandText text, Func<IServiceProvider, Turn, string, CancellationToken, Task> handle) =>
        services.AddSingleton(new BotCommand(name, text, handle));

    /// <summary>Registers a dataset that a feature's card searches as the user types, and who may search it.</summary>
    public static IServiceCollection AddBotSearch(
        this IServiceCollection services, string dataset, Permission permission, Func<IServiceProvider, Turn, string, CancellationToken, Task<IReadOnlyList<SearchResult>>> find) =>
        services.AddSingleton(new BotSearch(dataset, permission, find));

    public static IEndpointRouteBuilder MapBot(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        return app;
    }
}
