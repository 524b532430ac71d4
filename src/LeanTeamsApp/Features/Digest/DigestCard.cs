using System.Globalization;
using System.Text.Json;
using LeanTeamsApp.Bot.Proactive;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Features.Weeks;
using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.Features.Digest;

/// <summary>
/// The weekly digest as one card that stays readable for a hundred units and more: the whole organisation in a few
/// lines on top, then what deserves a look first, then each service area folded up (biggest concerns first) until
/// someone opens it.
/// </summary>
public static class DigestCard
{
    private const int MaxNames = 6;
    private const int MaxAttention = 10;
    private const int MaxAppointments = 8;

    // Teams refuses a message over about 100 KB, counted in UTF-16, and advises at most 80 KB: 36,000 characters of
    // JSON (non-ASCII escaped, as the connector client sends it) is 72 KB, with room left for the activity around it.
    // Every unit's line of a thousand-unit organisation is about three times that. The links to the tab come on top,
    // well under a kilobyte, inside the margin.
    internal const int MaxJsonLength = 36_000;

    /// <summary>
    /// The digest card. When every unit's line would not fit in a Teams message, each area lists as many of its units
    /// as fit, those that deserve a look first, and counts the rest; with a great many areas, the areas that need the
    /// least attention are counted rather than shown. The summary on top always covers every unit.
    /// </summary>
    /// <param name="unreachable">The units the app cannot reach, for the coordinator's channel; null in a digest
    /// someone asked for in chat.</param>
    /// <param name="tab">Deep links to the tab's overview (and its delivery section); none when the Teams app id is not configured.</param>
    public static AdaptiveCard Create(Language language, string organisationName, WeeklyDigest digest, IReadOnlyList<UnreachableUnit>? unreachable = null, TabLinks? tab = null)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var card = Create(language, organisationName, digest, unreachable);
        var t = DigestTexts.For(language);
        List<CardAction> links = [];
        if (tab?.To(TabLinks.Overview) is { } overview)
        {
            links.Add(new OpenUrlAction(t.OpenOverview, overview));
        }

        if (unreachable is { Count: > 0 } && tab?.To(TabLinks.Delivery) is { } delivery)
        {
            links.Add(new OpenUrlAction(t.OpenDelivery, delivery));
        }

        return links.Count == 0 ? card : card with { Actions = links };
    }

    private static AdaptiveCard Create(Language language, string organisationName, WeeklyDigest digest, IReadOnlyList<UnreachableUnit>? unreachable)
    {
        var areas = digest.Areas.Count;
        var most = areas == 0 ? 0 : digest.Areas.Max(a => a.Units.Count);
        var delivery = unreachable ?? [];
        var everything = Create(language, organisationName, digest, delivery, areas, most);
        if (Fits(everything))
        {
            return everything;
        }

        var perArea = Largest(most - 1, n => Fits(Create(language, organisationName, digest, delivery, areas, n)));
        return perArea >= 0
            ? Create(language, organisationName, digest, delivery, areas, perArea)
            : Create(language, organisationName, digest, delivery, Math.Max(0, Largest(areas - 1, n => Fits(Create(language, organisationName, digest, delivery, n, 0)))), 0);
    }

    private static bool Fits(AdaptiveCard card) => JsonSerializer.Serialize(card, CardJson.Options).Length <= MaxJsonLength;

    /// <summary>The largest n from 0 to <paramref name="max"/> for which <paramref name="fits"/> holds (it holds for all below it), or -1.</summary>
    private static int Largest(int max, Func<int, bool> fits)
    {
        var (low, high) = (-1, max);
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            (low, high) = fits(middle) ? (middle, high) : (low, middle - 1);
        }

        return low;
    }

    private static AdaptiveCard Create(Language language, string organisationName, WeeklyDigest digest, IReadOnlyList<UnreachableUnit> unreachable, int areasShown, int unitsPerArea)
    {
        var t = DigestTexts.For(language);
        var c = CheckInTexts.For(language);
        var culture = language.Culture();
        var units = digest.Units.ToList();
        var expected = units.Count(u => u.Expected);
        var heldFour = units.Sum(u => u.HeldInFourWeeks);
        var expectedFour = units.Sum(u => u.ExpectedInFourWeeks);
        string Names(IEnumerable<UnitDigest> list)
        {
            var names = list.Select(u => u.Unit.Name).ToList();
            return names.Count == 0 ? "0" : $"{names.Count}: {string.Join(", ", names.Take(MaxNames))}" + (names.Count > MaxNames ? $" {t.More(names.Count - MaxNames)}" : "");
        }

        string Benefits(IReadOnlyList<BenefitSum> sums) => sums.Count == 0
            ? t.None
            : string.Join("; ", sums.Select(b => $"{c.Kinds[b.Kind]} {b.Amount.ToString("#,0.##", culture)} {c.Measures[b.Measure]}"));

        string Stages(IReadOnlyList<StageSum> sums) => sums.Count == 0
            ? t.None
            : string.Join("; ", sums.Select(b => $"{c.Kinds[b.Kind]} {b.Amount.ToString("#,0.##", culture)} {c.Measures[b.Measure]}"));

        var body = new List<CardElement>
        {
            TextBlock.Heading(t.Title(digest.Week.Week, organisationName)),
            new FactSet(
            [
                new Fact(t.MeetingsHeld, t.HeldSummary(units.Count(u => u.Expected && u.Held), expected, expectedFour == 0 ? null : (int)Math.Round(100.0 * heldFour / expectedFour))),
                new Fact(t.Missing, Names(units.Where(u => u.Missing))),
                new Fact(t.Improvements, t.ImprovementsSummary(units.Sum(u => u.ImprovementsNew), units.Sum(u => u.ImprovementsDone))),
                new Fact(t.BenefitsWeek, Benefits(digest.BenefitsThisWeek)),
                new Fact(t.BenefitsYear, Benefits(digest.BenefitsThisYear)),
                new Fact(t.BenefitsIdentified, t.WeekAndYear(Stages(digest.IdentifiedThisWeek), Stages(digest.IdentifiedThisYear))),
                new Fact(t.BenefitsPlanned, Stages(digest.PlannedThisYear)),
                new Fact(t.Deviations, t.DeviationsSummary(units.Sum(u => u.Deviations), digest.OverdueFollowUps)),
                new Fact(t.Help, Names(units.Where(u => u.HelpNeeded is not null))),
                new Fact(t.AtRisk, Names(units.Where(u => u.AtRisk))),
                new Fact(t.Appointments, t.AppointmentsSummary(digest.Upcoming.Count, digest.Overdue.Count)),
            ]),
        };

        // A call for help is a direct ask and a silo warning is easy to miss in the numbers; units at risk are also
        // named in the summary above, so they come last when the list is cut.
        var attention = units.Where(u => u.HelpNeeded is not null).Select(u => t.HelpLine(u.Unit.Name, u.HelpNeeded!))
            .Concat(units.Where(u => u.BenefitsLeftOut > 0).Select(u => t.LeftOutLine(u.Unit.Name, u.BenefitsLeftOut)))
            .Concat(units.Where(u => u.BenefitsToRecord.Count > 0).Select(u => t.ChaseLine(u.Unit.Name, string.Join(", ", u.BenefitsToRecord.Take(MaxNames).Select(a => a.Title)))))
            .Concat(digest.Silos.Select(s => t.SiloLine(s.Unit.Name, Benefits([s.Benefit]), string.Join(", ", s.Affected.Select(a => a.Name)))))
            .Concat(units.Where(u => u.AtRisk).Select(u => t.RiskLine(u.Unit.Name)))
            .ToList();
        if (attention.Count > 0)
        {
            body.Add(new TextBlock(t.Attention) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
            body.AddRange(attention.Take(MaxAttention).Select(line => new TextBlock("• " + line) { Spacing = Spacing.None }));
            if (attention.Count > MaxAttention)
            {
                body.Add(new TextBlock(t.More(attention.Count - MaxAttention)) { IsSubtle = true, Spacing = Spacing.None });
            }
        }

        AddDelivery(body, t, unreachable);

        for (var i = 0; i < areasShown; i++)
        {
            var area = digest.Areas[i];
            var detailsId = string.Create(CultureInfo.InvariantCulture, $"area-{i}");
            body.Add(new ColumnSet(
            [
                new Column([new TextBlock(t.AreaHeader(area.Area.Name, area.Units.Count(u => u.Expected && u.Held), area.Units.Count(u => u.Expected))) { Weight = TextWeight.Bolder }]) { Width = "stretch" },
                new Column([new ActionSet([new ToggleVisibilityAction(t.ShowUnits, [new TargetElement(detailsId)])])]) { Width = "auto" },
            ])
            {
                Separator = true,
                Spacing = Spacing.Medium,
            });
            var listed = area.Units.Take(unitsPerArea).ToList();
            var details = new List<CardElement>();
            if (listed.Count > 0)
            {
                details.Add(new FactSet([.. listed.Select(u => new Fact(u.Unit.Name, UnitLine(t, u, Benefits)))]));
            }

            if (area.Units.Count > listed.Count)
            {
                details.Add(new TextBlock(t.More(area.Units.Count - listed.Count)) { IsSubtle = true, Spacing = Spacing.None });
            }

            body.Add(new Container(details)
            {
                Id = detailsId,
                IsVisible = false,
            });
        }

        if (digest.Areas.Count > areasShown)
        {
            body.Add(new TextBlock(t.MoreAreas(digest.Areas.Count - areasShown)) { IsSubtle = true, Separator = true, Spacing = Spacing.Medium });
        }

        AddAppointments(body, t.NextTwoWeeks, digest.Upcoming, digest, language);
        AddAppointments(body, t.OverdueAppointments, digest.Overdue, digest, language);
        return new AdaptiveCard { Body = body };
    }

    /// <summary>
    /// Each unit the app cannot reach, why, and what to do; what Teams answered in brackets, for whoever asks IT.
    /// Cut like the attention list, so that a broken team of many units cannot crowd out the digest.
    /// </summary>
    private static void AddDelivery(List<CardElement> body, DigestTexts t, IReadOnlyList<UnreachableUnit> unreachable)
    {
        if (unreachable.Count == 0)
        {
            return;
        }

        body.Add(new TextBlock(t.Delivery) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
        body.AddRange(unreachable.Take(MaxAttention).Select(u =>
        {
            var details = new[] { u.PersonName, u.Status is { } status ? string.Create(CultureInfo.InvariantCulture, $"{status} {u.Code}").TrimEnd() : null }
                .Where(d => !string.IsNullOrEmpty(d))
                .ToList();
            var said = details.Count == 0 ? "" : $" ({string.Join(" · ", details)})";
            return new TextBlock($"• {u.UnitName}: {t.DeliveryReasons[u.Reason]}{said} – {t.Advice[u.Advice]}") { Spacing = Spacing.None };
        }));
        if (unreachable.Count > MaxAttention)
        {
            body.Add(new TextBlock(t.More(unreachable.Count - MaxAttention)) { IsSubtle = true, Spacing = Spacing.None });
        }
    }

    private static string UnitLine(DigestTexts t, UnitDigest u, Func<IReadOnlyList<BenefitSum>, string> benefits)
    {
        var parts = new List<string>
        {
            !u.Expected ? t.DayOff : !u.Reported ? t.NotReported : u.Held ? t.Held : t.NotHeld,
            string.Create(CultureInfo.InvariantCulture, $"{u.HeldInFourWeeks}/{u.ExpectedInFourWeeks}"),
            t.Improved(u.ImprovementsNew, u.ImprovementsDone),
        };
        if (u.Benefits.Count > 0)
        {
            parts.Add(benefits(u.Benefits));
        }

        return string.Join(" · ", parts);
    }

    private static void AddAppointments(List<CardElement> body, string title, IReadOnlyList<Appointment> appointments, WeeklyDigest digest, Language language)
    {
        if (appointments.Count == 0)
        {
            return;
        }

        var p = PlanningTexts.For(language);
        var names = digest.Units.ToDictionary(u => u.Unit.Id, u => u.Unit.Name, StringComparer.Ordinal);
        body.Add(new TextBlock(title) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium });
        body.Add(new FactSet([.. appointments.Take(MaxAppointments).Select(a => new Fact(
            a.Plan.Start.DateTime.ToString("ddd d. MMM HH:mm", language.Culture()),
            $"{p.Kinds[a.Plan.Kind]} – {names.GetValueOrDefault(a.Plan.UnitId, a.Plan.UnitId)}"))]));
        if (appointments.Count > MaxAppointments)
        {
            body.Add(new TextBlock(DigestTexts.For(language).More(appointments.Count - MaxAppointments)) { IsSubtle = true, Spacing = Spacing.None });
        }
    }
}
