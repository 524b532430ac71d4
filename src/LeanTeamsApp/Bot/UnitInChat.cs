using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;

namespace LeanTeamsApp.Bot;

/// <summary>
/// Which unit a chat command means, and whether the caller may do what they ask to it. A unit named in the command
/// wins (so the coordinator can ask about any unit from her personal chat); then the unit bound to the channel; in a
/// personal chat the unit the caller leads or coordinates, or else their home unit. The access rule decides after
/// that, so naming another unit gains nothing.
/// </summary>
public sealed class UnitInChat(OrganisationStore store, AccessRule access)
{
    /// <summary>
    /// The unit and organisation, or null when the caller has been told why not: the organisation is not set up, no
    /// single unit is meant (<paramref name="noUnit"/>), or the access rule refuses. <paramref name="command"/> names
    /// the entry point in the log of a refusal.
    /// </summary>
    public async Task<(Unit Unit, Organisation Organisation)?> ResolveAsync(
        Turn turn, string command, string? named, Permission permission, string noUnit, CancellationToken cancellationToken)
    {
        if (await FindAsync(turn, named, noUnit, cancellationToken) is not { } found)
        {
            return null;
        }

        if (!access.Check(turn.Caller, permission, AccessTarget.ForUnit(found.Unit), command))
        {
            await turn.ReplyAsync(turn.Texts.NotAllowed(permission, found.Unit.Name), cancellationToken);
            return null;
        }

        return found;
    }

    /// <summary>
    /// The unit meant, before any access check, or null when the caller has been told why not; for a command that
    /// answers differently by what the caller may do (it must then ask the access rule itself).
    /// </summary>
    public async Task<(Unit Unit, Organisation Organisation)?> FindAsync(Turn turn, string? named, string noUnit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await store.GetOrganisationAsync(turn.TenantId, cancellationToken) is not { } organisation)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return null;
        }

        // An archived unit is not offered in chat; its history is in the reports.
        var units = (await store.ListUnitsAsync(turn.TenantId, cancellationToken)).Where(u => !u.Archived).ToList();
        Unit? unit;
        if (!string.IsNullOrWhiteSpace(named))
        {
            if ((unit = Find(units, named)) is null)
            {
                await turn.ReplyAsync(turn.Texts.UnitNotFound(named.Trim(), Closest(units, named.Trim())), cancellationToken);
                return null;
            }
        }
        else if (Meant(turn, units) is [var only])
        {
            unit = only;
        }
        else if (turn.InChannel && Meant(turn, units) is { Count: > 1 } several)
        {
            // Bound before the app kept one unit per channel: the coordinator chooses with `register unit`.
            await turn.ReplyAsync(turn.Texts.SeveralUnitsInChannel(string.Join(", ", several.Select(u => u.Name))), cancellationToken);
            return null;
        }
        else
        {
            await turn.ReplyAsync(noUnit, cancellationToken);
            return null;
        }

        return (unit, organisation);
    }

    /// <summary>
    /// The units a command without a unit name means: in a channel, the unit bound to it; in a chat, those the caller
    /// leads or coordinates, or else their home unit (staff suggest improvements too).
    /// </summary>
    public static IReadOnlyList<Unit> Meant(Turn turn, IReadOnlyList<Unit> units)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(units);
        if (turn.InChannel)
        {
            return [.. units.Where(u => u.Channel?.ChannelId == turn.ChannelId)];
        }

        var led = turn.Caller.LedUnitIds.ToHashSet(StringComparer.Ordinal);
        List<Unit> mine = [.. units.Where(u => led.Contains(u.Id))];
        return mine.Count == 0 && turn.Caller.Person?.HomeUnitId is { } home ? [.. units.Where(u => u.Id == home)] : mine;
    }

    /// <summary>The unit a chat text names: by id, then by exact name, then by a unique name that starts with or contains the text.</summary>
    public static Unit? Find(IReadOnlyList<Unit> units, string text)
    {
        var query = text.Trim();
        return units.FirstOrDefault(u => u.Id.Equals(query, StringComparison.OrdinalIgnoreCase))
            ?? units.FirstOrDefault(u => u.Name.Equals(query, StringComparison.OrdinalIgnoreCase))
            ?? Single(units.Where(u => u.Name.StartsWith(query, StringComparison.CurrentCultureIgnoreCase)))
            ?? Single(units.Where(u => u.Name.Contains(query, StringComparison.CurrentCultureIgnoreCase)));

        static Unit? Single(IEnumerable<Unit> matches) => matches.Take(2).ToList() is [var only] ? only : null;
    }

    /// <summary>Up to three unit names close to what was typed, for "did you mean".</summary>
    public static IReadOnlyList<string> Closest(IReadOnlyList<Unit> units, string text) => [.. units
        .Select(u => (u.Name, Distance: CommandParser.Distance(text.ToLowerInvariant(), u.Name.ToLowerInvariant())))
        .Where(x => x.Distance <= Math.Max(3, x.Name.Length / 2) || x.Name.Contains(text, StringComparison.CurrentCultureIgnoreCase))
        .OrderBy(x => x.Distance)
        .Take(3)
        .Select(x => x.Name)];
}
