using System.Globalization;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Cards;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Features.Reports;

/// <summary>`report Q3 2026`: the period's key figures as a card, with links to the CSV and the Excel workbook.</summary>
public sealed class ReportCommands(
    OrganisationStore organisation,
    ReportBuilder reports,
    ReportLinks links,
    AccessRule access,
    IHttpContextAccessor http,
    IOptions<ReportOptions> options,
    TabLinks tab,
    TimeProvider time)
{
    public async Task ReportAsync(Turn turn, string arguments, CancellationToken cancellationToken)
    {
        var t = ReportTexts.For(turn.Language);
        var period = new ReportPeriod(0, null);
        if (!string.IsNullOrWhiteSpace(arguments) && !ReportPeriod.TryParse(arguments, out period))
        {
            await turn.ReplyAsync(t.Usage, cancellationToken);
            return;
        }

        if (await organisation.GetOrganisationAsync(turn.TenantId, cancellationToken) is not { } org)
        {
            await turn.ReplyAsync(turn.Texts.NotSetUp, cancellationToken);
            return;
        }

        if (string.IsNullOrWhiteSpace(arguments))
        {
            // No period named: the one running now, by the cycle the organisation reports in.
            period = ReportPeriod.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(org.DefaultTimeZone)).DateTime), org.ReportCycle);
        }

        var caller = turn.Caller;
        var everything = AccessRule.Allows(caller, Permission.ViewOrganisation, AccessTarget.Organisation);
        var areas = everything ? null : AccessRule.AreasToRead(caller, await organisation.ListServiceAreasAsync(turn.TenantId, cancellationToken));
        if (areas is { Count: 0 })
        {
            access.Check(caller, Permission.ViewOrganisation, AccessTarget.Organisation, "report");
            await turn.ReplyAsync(turn.Texts.NotAllowed(Permission.ViewOrganisation, null), cancellationToken);
            return;
        }

        if (period.From > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(1))
        {
            await turn.ReplyAsync(t.Future, cancellationToken);
            return;
        }

        var scope = areas is null ? ReportScope.Organisation : ReportScope.Areas(areas.Select(a => a.Id));
        var report = (await reports.BuildAsync(turn.TenantId, period, scope, cancellationToken))!;
        var baseUrl = options.Value.PublicUrl
            ?? (http.HttpContext?.Request is { } request ? new Uri($"{request.Scheme}://{request.Host}") : new Uri("http://127.0.0.1:3978"));
        var card = Card(turn.Language, report, links.Create(baseUrl, turn.TenantId, period, "csv", scope, Code(turn.Language)), links.Create(baseUrl, turn.TenantId, period, "xlsx", scope, Code(turn.Language)), links.LifetimeHours, tab.To(TabLinks.Reports));
        await turn.ReplyAsync(card, t.Title(report.Organisation, t.PeriodName(period), report.CountedUntil.ToString("d", turn.Language.Culture())), cancellationToken);
    }

    /// <summary>
    /// Benefits per stage, kind and measure for the organisation (or the areas the caller reads) and per service area,
    /// hours also in årsverk, each held against the previous period.
    /// </summary>
    private static IEnumerable<CardElement> StageElements(Language language, Report report)
    {
        var t = ReportTexts.For(language);
        var c = CheckInTexts.For(language);
        var culture = language.Culture();
        var total = report.Total.Stages;
        if (total.Count == 0 && report.PreviousStages.Count == 0)
        {
            yield break;
        }

        string Figures(IEnumerable<StageSum> sums) => string.Join("; ", sums.Select(s =>
            $"{c.Kinds[s.Kind]} {s.Amount.ToString("#,0.##", culture)} {c.Measures[s.Measure]}"
            + (s.Measure == BenefitMeasure.Hours ? $" ({WorkYears.FromHours(s.Amount, report.HoursPerWorkYear).ToString("#,0.##", culture)} {t.WorkYears})" : "")));
        string Line(IReadOnlyList<StageSum> sums, BenefitStage stage) => sums.Any(s => s.Stage == stage) ? Figures(sums.Where(s => s.Stage == stage)) : "–";

        yield return new TextBlock(t.StagesTitle) { Weight = TextWeight.Bolder, Separator = true, Spacing = Spacing.Medium };
        yield return new FactSet([.. Enum.GetValues<BenefitStage>().Select(stage =>
            new Fact(t.Stages[stage], $"{Line(total, stage)} · {t.Previous(t.PeriodName(report.Period.Previous))}: {Line(report.PreviousStages, stage)}"))]);
        foreach (var area in report.Rows.GroupBy(r => r.AreaName, StringComparer.Ordinal).Where(g => g.Any(r => r.Stages.Count > 0)))
        {
            var sums = StageSum.Sum(area.SelectMany(r => r.Stages));
            yield return new TextBlock(area.Key) { Weight = TextWeight.Bolder, Size = TextSize.Small };
            yield return new FactSet([.. Enum.GetValues<BenefitStage>().Where(stage => sums.Any(s => s.Stage == stage)).Select(stage => new Fact(t.Stages[stage], Line(sums, stage)))]);
        }
    }

    private static string Code(Language language) => language switch { Language.Sv => "sv", Language.En => "en", Language.Nn => "nn", _ => "nb" };

    internal static AdaptiveCard Card(Language language, Report report, Uri csv, Uri excel, int hours, Uri? tab = null)
    {
        var t = ReportTexts.For(language);
        var c = CheckInTexts.For(language);
        var culture = language.Culture();
        var total = report.Total;
        var benefits = total.Benefits.Count == 0
            ? "–"
            : string.Join("; ", total.Benefits.Select(b => $"{c.Kinds[b.Kind]} {b.Amount.ToString("#,0.##", culture)} {c.Measures[b.Measure]}"));
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return new AdaptiveCard
        {
            Body =
            [
                TextBlock.Heading(t.Title(report.Organisation, t.PeriodName(report.Period), report.CountedUntil.ToString("d", culture))),
                new FactSet(
                [
                    new Fact(t.MeetingsHeld, $"{N(total.MeetingsHeld)} / {N(total.MeetingsExpected)}"),
                    new Fact(t.CheckIns, N(total.CheckIns)),
                    new Fact(t.ImprovementsDone, $"{N(total.ImprovementsDone)} ({t.ImprovementsNew.ToLower(culture)}: {N(total.ImprovementsNew)})"),
                    new Fact(t.Benefits, benefits),
                    new Fact(t.Deviations, N(total.Deviations)),
                    new Fact(t.GembaWalks, N(total.GembaWalksDone)),
                    new Fact(t.Reviews, N(total.ReviewsDone)),
                    new Fact(t.FollowUpsOpen, $"{N(total.FollowUps.OpenAtEnd)} ({t.FollowUpsOverdue.ToLower(culture)}: {N(total.FollowUps.OverdueAtEnd)})"),
                ]),
                .. StageElements(language, report),
                .. (total.BenefitsLeftOut > 0
                    ? new CardElement[] { new TextBlock(t.LeftOutNote(total.BenefitsLeftOut, string.Join(", ", report.Rows.Where(r => r.BenefitsLeftOut > 0).Select(r => r.UnitName)))) { Color = TextColor.Warning } }
                    : []),
                new TextBlock(t.LinksValid(hours)) { IsSubtle = true, Size = TextSize.Small },
            ],
            Actions = [new OpenUrlAction(t.DownloadExcel, excel), new OpenUrlAction(t.DownloadCsv, csv), .. (tab is null ? Array.Empty<CardAction>() : [new OpenUrlAction(t.OpenReports, tab)])],
        };
    }
}
