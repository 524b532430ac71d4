using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Testing;

namespace LeanTeamsApp.LoadTest;

/// <summary>The check-in benchmarks: prompt fan-out to many unit channels, and card submits under concurrency.</summary>
public static class CheckInScenarios
{
    public const string TeamId = TeamsActivities.TeamId;

    /// <summary>
    /// An organisation of <paramref name="units"/> units in one team, all in Europe/Oslo, whose board meetings all end
    /// at <paramref name="meetingEnd"/>, each with its own channel: what a large municipality's Monday looks like
    /// to the prompt scheduler, squeezed into one minute.
    /// </summary>
    public static string Organisation(string tenantId, int units, DateTimeOffset meetingEnd) =>
        Organisation(tenantId, units, meetingEnd, new DateOnly(2025, 1, 6), ownLeaders: false);

    /// <summary>
    /// The same organisation with Lean started on <paramref name="leanStart"/>. With <paramref name="ownLeaders"/> each
    /// unit has its own leader and two goals, as the year-wheel planner and the digest expect of a real municipality
    /// (one leader for a thousand units would leave most walks unplaced). A <paramref name="coordinator"/> e-mail adds
    /// the organisation's Lean coordinator, who sees every unit in the tab.
    /// </summary>
    public static string Organisation(string tenantId, int units, DateTimeOffset meetingEnd, DateOnly leanStart, bool ownLeaders, string? coordinator = null)
    {
        var oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
        var end = TimeZoneInfo.ConvertTime(meetingEnd, oslo);
        var start = end.AddMinutes(-5);
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"tenantId: \"{tenantId}\"");
        yaml.AppendLine("name: Storby kommune");
        yaml.AppendLine("serviceAreas:");
        for (var a = 0; a < 40; a++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ id: omrade-{a}, name: Område {a}, leader: tol{a}@storby.no }}");
        }

        yaml.AppendLine("people:");
        for (var a = 0; a < 40; a++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ email: tol{a}@storby.no, name: Leder {a} }}");
        }

        yaml.AppendLine("  - { email: leder@storby.no, name: Enhetsleder }");
        if (coordinator is not null)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ email: {coordinator}, name: Lean-koordinator, roles: [coordinator] }}");
        }

        for (var u = 0; ownLeaders && u < units; u++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - {{ email: leder{u}@storby.no, name: Leder for enhet {u} }}");
        }

        yaml.AppendLine("units:");
        for (var u = 0; u < units; u++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture,
                $"  - {{ id: enhet-{u}, name: Enhet {u}, serviceArea: omrade-{u % 40}, leader: {(ownLeaders ? $"leder{u}" : "leder")}@storby.no, " +
                $"{(ownLeaders ? "goals: [Ventetid under to uker, Færre avvik], " : "")}boardMeeting: {{ weekday: {(int)start.DayOfWeek switch { 0 => 7, var d => d }}, time: \"{start:HH\\:mm}\", minutes: 5 }}, leanStart: {leanStart:yyyy-MM-dd}, " +
                $"channel: {{ teamId: \"{TeamId}\", channelId: \"19:enhet-{u}@thread.tacv2\", name: Enhet {u} }} }}");
        }

        return yaml.ToString();
    }

    /// <summary>The meeting end to use: the next whole minute at least <paramref name="lead"/> from now.</summary>
    public static DateTimeOffset NextMinuteAfter(TimeSpan lead)
    {
        var at = DateTimeOffset.UtcNow + lead;
        return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).AddMinutes(1);
    }

    /// <summary>Waits until the connector has received <paramref name="expected"/> channel posts; returns when the last one came.</summary>
    /// <remarks>When they do not all arrive in time, the time of the last one that did is returned: the report
    /// then shows how many arrived, which is the finding.</remarks>
    public static async Task<DateTimeOffset> WaitForPostsAsync(FakeConnector connector, int expected, TimeSpan timeout)
    {
        try
        {
            await connector.WaitForAsync(r => r.Count(x => x.Operation == ConnectorOperation.CreateConversation) >= expected, timeout);
        }
        catch (TimeoutException)
        {
            Console.WriteLine($"fan-out: not all {expected} prompts arrived within {timeout}");
        }

        var posts = connector.Requests.Where(r => r.Operation == ConnectorOperation.CreateConversation).ToList();
        return posts.Count == 0 ? DateTimeOffset.UtcNow : posts.Max(r => r.ReceivedAt);
    }

    /// <summary>An adaptiveCard/action invoke that submits a full check-in for one unit's latest meeting.</summary>
    public static string Submit(TeamsActivities activities, TeamsUser user, string unitId, DateOnly meetingDate) =>
        activities.Invoke(user, "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = CheckInCard.SubmitVerb,
                ["data"] = new JsonObject
                {
                    ["unitId"] = unitId,
                    ["meetingDate"] = meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["held"] = "yes",
                    ["attendance"] = "9",
                    ["improvementsNew"] = "1",
                    ["deviations"] = "Ventetid på svar",
                    ["benefitKind"] = "TimeSaved",
                    ["benefitAmount"] = "2",
                    ["benefitMeasure"] = "Hours",
                    ["note"] = "Bra møte",
                },
            },
            ["trigger"] = "manual",
        }).ToJsonString();

    /// <summary>The latest meeting of a unit as the app computes it.</summary>
    public static DateOnly LatestMeeting(DateTimeOffset meetingEnd)
    {
        var unit = new Unit("x", "x", "a", "l", [], "Europe/Oslo",
            new BoardMeeting(TimeZoneInfo.ConvertTime(meetingEnd.AddMinutes(-5), TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo")).DayOfWeek,
                TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(meetingEnd.AddMinutes(-5), TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo")).DateTime), 5),
            new DateOnly(2025, 1, 6), null, null);
        return MeetingClock.Latest(unit, DateTimeOffset.UtcNow);
    }
}
