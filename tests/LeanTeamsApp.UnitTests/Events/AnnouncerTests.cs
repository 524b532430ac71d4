using LeanTeamsApp.Infrastructure.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace LeanTeamsApp.UnitTests.Events;

public sealed class AnnouncerTests
{
    private sealed record Said(string Text);

    private sealed class Listener(string name, List<string> told, Exception? failure = null) : ISubscriber<Said>
    {
        public Task OnAsync(Said announced, CancellationToken cancellationToken)
        {
            told.Add($"{name}: {announced.Text}");
            return failure is null ? Task.CompletedTask : Task.FromException(failure);
        }
    }

    [Fact]
    public async Task Announce_ASubscriberFails_TheOthersAreStillToldInOrderAndTheFirstFailureIsThrown()
    {
        var told = new List<string>();
        var first = new InvalidOperationException("first");
        var second = new InvalidOperationException("second");
        var announcer = new Announcer<Said>([new Listener("a", told, first), new Listener("b", told), new Listener("c", told, second)], NullLogger<Announcer<Said>>.Instance);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => announcer.AnnounceAsync(new Said("stored"), default));

        Assert.Same(first, thrown);
        Assert.Equal(["a: stored", "b: stored", "c: stored"], told);
    }

    [Fact]
    public async Task Announce_CancelledWhileASubscriberRuns_StopsThereWithoutTellingTheRest()
    {
        var told = new List<string>();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var announcer = new Announcer<Said>([new Listener("a", told, new OperationCanceledException(cancel.Token)), new Listener("b", told)], NullLogger<Announcer<Said>>.Instance);

        await Assert.ThrowsAsync<OperationCanceledException>(() => announcer.AnnounceAsync(new Said("stored"), cancel.Token));

        Assert.Equal(["a: stored"], told);
    }
}
