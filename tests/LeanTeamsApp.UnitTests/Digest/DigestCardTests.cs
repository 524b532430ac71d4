using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.Calendar;
using LeanTeamsApp.Features.Digest;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Weeks;

namespace LeanTeamsApp.UnitTests.Digest;

public sealed class DigestCardTests
{
    // Friday 20 November 2026, 12:00 in Oslo: week 47's Monday meetings have ended.
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 11, 0, 0, TimeSpan.Zero);
    private static readonly IsoWeek Week = new(2026, 47);

    [Fact]
    public void Create_1000UnitsIn40Areas_FitsATeamsMessageAndCountsTheUnitsNotListed()
    {
        var json = DigestCard.Create(Language.Nb, "Storby kommune", Digest(1000, 40)).ToJson().ToJsonString();

        // Teams counts a message's size in UTF-16; it refuses more than about 100 KB and advises at most 80 KB.
        Assert.True(Encoding.Unicode.GetByteCount(json) < 80 * 1024, $"{Encoding.Unicode.GetByteCount(json)} bytes");
        var areas = AreaDetails(json);
        Assert.Equal(40, areas.Count);
        Assert.All(areas, a => Assert.Equal(25, a.Listed.Count + a.NotListed));
        Assert.All(areas, a => Assert.True(a.NotListed > 0));
        // Units at risk deserve a look first, so they are the ones listed.
        Assert.Contains("Enhet 0", areas.SelectMany(a => a.Listed));
        Assert.Contains("Enhet 39", areas.SelectMany(a => a.Listed));
    }

    [Fact]
    public void Create_100UnitsIn10Areas_ListsEveryUnit()
    {
        var json = DigestCard.Create(Language.Nb, "Liten kommune", Digest(100, 10)).ToJson().ToJsonString();

        var areas = AreaDetails(json);
        Assert.Equal(100, areas.Sum(a => a.Listed.Count));
        Assert.All(areas, a => Assert.Equal(0, a.NotListed));
    }

    [Fact]
    public void Create_400Areas_ShowsTheAreasThatFitAndCountsTheRest()
    {
        var json = DigestCard.Create(Language.En, "Many areas", Digest(800, 400)).ToJson().ToJsonString();

        Assert.True(Encoding.Unicode.GetByteCount(json) < 80 * 1024, $"{Encoding.Unicode.GetByteCount(json)} bytes");
        var shown = AreaDetails(json).Count;
        Assert.InRange(shown, 1, 399);
        Assert.Contains($" and {400 - shown} more service areas, with less to look at", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_1000UnitsTheAppCannotReach_NamesTheFirstTenCountsTheRestAndStillFits()
    {
        var unreachable = Enumerable.Range(0, 1000)
            .Select(i => new UnreachableUnit($"u{i}", $"Enhet {i}", "a0", DeliveryReason.BotNotInTeam, DeliveryAdvice.AddAppToTeam, DeliveryRoute.UnitChannel, null, 403, "BotNotInConversationRoster", Now))
            .ToList();

        var card = DigestCard.Create(Language.En, "Storby kommune", Digest(1000, 40), unreachable).ToJson();

        var json = card.ToJsonString();
        Assert.True(Encoding.Unicode.GetByteCount(json) < 80 * 1024, $"{Encoding.Unicode.GetByteCount(json)} bytes");
        var texts = Texts(card).ToList();
        var heading = texts.IndexOf("Delivery: units the app cannot reach");
        Assert.True(heading >= 0, string.Join("\n", texts));
        Assert.Equal(
            [.. Enumerable.Range(0, 10).Select(i => $"• Enhet {i}: the app was removed from the team (403 BotNotInConversationRoster) – add the app to the team again"), "… and 990 more"],
            texts.Skip(heading + 1).Take(11));
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => (o["type"]?.GetValue<string>() == "TextBlock" && o["text"] is { } text ? [text.GetValue<string>()] : Enumerable.Empty<string>())
            .Concat(o.Where(p => p.Key != "text").SelectMany(p => Texts(p.Value))),
        JsonArray a => a.SelectMany(Texts),
        _ => [],
    };

    /// <summary>
    /// <paramref name="count"/> units meeting on Mondays, spread over <paramref name="areaCount"/> areas; the first
    /// unit of each of the first 40 areas has held no meeting in four weeks, the rest held every one.
    /// </summary>
    private static WeeklyDigest Digest(int count, int areaCount)
    {
        var areas = Enumerable.Range(0, areaCount).Select(a => new ServiceArea($"area-{a}", $"Tjenesteområde {a}", ServiceAreaKind.ServiceArea, $"tol{a}@k.no")).ToList();
        var units = Enumerable.Range(0, count).Select(i => new Unit($"unit-{i}", $"Enhet {i}", $"area-{i % areaCount}", $"leder{i}@k.no", [], "Europe/Oslo",
            new BoardMeeting(DayOfWeek.Monday, new TimeOnly(8, 30), 15), new DateOnly(2025, 1, 6), null, null)).ToList();
        var weeks = units.SelectMany((u, i) => new[] { Week, Week.Previous, Week.Previous.Previous, Week.Previous.Previous.Previous }.Select(w => new UnitWeek(u.Id, w)
        {
            Reported = true,
            Held = i >= 40,
            ImprovementsNew = i % 3,
            ImprovementsDone = i % 2,
            Benefits = i % 4 == 0 ? [new BenefitSum(BenefitKind.TimeSaved, BenefitMeasure.Hours, 1.5m, [])] : [],
        })).ToList();
        return WeeklyDigest.Compute(Week, Now, areas, units, weeks, [], [], 0, (_, _) => false);
    }

    /// <summary>Each area's folded details: the units named, and how many the "… and n more" line counts.</summary>
    private static List<(List<string> Listed, int NotListed)> AreaDetails(string json) =>
    [
        .. JsonNode.Parse(json)!["body"]!.AsArray()
            .Where(e => (string?)e!["type"] == "Container" && e["isVisible"] is not null)
            .Select(e =>
            {
                var items = e!["items"]!.AsArray();
                var listed = items.Where(i => (string?)i!["type"] == "FactSet").SelectMany(i => i!["facts"]!.AsArray().Select(f => (string)f!["title"]!)).ToList();
                var more = items.Where(i => (string?)i!["type"] == "TextBlock").Select(i => (string)i!["text"]!).SingleOrDefault();
                return (listed, more is null ? 0 : int.Parse(more.Split(' ')[2], CultureInfo.InvariantCulture));
            }),
    ];
}
