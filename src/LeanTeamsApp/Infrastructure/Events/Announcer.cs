using System.Runtime.ExceptionServices;

namespace LeanTeamsApp.Infrastructure.Events;

/// <summary>
/// A feature's reaction to what another feature announces ("a check-in was stored"). The announcing feature does not
/// know who listens, so it depends on none of them; each subscriber is registered by its own module.
/// </summary>
public interface ISubscriber<in T>
{
    Task OnAsync(T announced, CancellationToken cancellationToken);
}

/// <summary>
/// Tells every subscriber, in the order their modules registered them, and only after what it announces is stored: a
/// failing subscriber cannot lose it. Each subscriber is told even when one before it failed; the first failure is then
/// thrown to the announcer (later ones are logged, as nobody else will see them), so the person who acted gets an error
/// and can try again. Subscribers make their own state match what was announced, so being told twice changes nothing.
/// </summary>
public sealed partial class Announcer<T>(IEnumerable<ISubscriber<T>> subscribers, ILogger<Announcer<T>> logger)
{
    public async Task AnnounceAsync(T announced, CancellationToken cancellationToken)
    {
        ExceptionDispatchInfo? first = null;
        foreach (var subscriber in subscribers)
        {
            try
            {
                await subscriber.OnAsync(announced, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (first is null)
                {
                    first = ExceptionDispatchInfo.Capture(e);
                }
                else
                {
                    LogAlsoFailed(logger, typeof(T).Name, subscriber.GetType().Name, e);
                }
            }
        }

        first?.Throw();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Subscriber} also failed on {Announcement}; the first failure is the one thrown")]
    private static partial void LogAlsoFailed(ILogger logger, string announcement, string subscriber, Exception exception);
}
