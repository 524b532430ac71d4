using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Reports;

/// <summary>The report command as people type them (every word works in every locale) and as `help` lists them.</summary>
internal static class ReportWords
{
    public static readonly CommandText Report = new(
        [(Language.En, "report"), (Language.Nb, "rapport"), (Language.Nn, "rapport"), (Language.Sv, "rapport")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("rapport <K1–K4> <år>", "Kvartals- eller årsrapport med de faste målepunktene, som CSV og Excel, for eksempel «rapport K3 2026»."),
            [Language.Nn] = new("rapport <K1–K4> <år>", "Kvartals- eller årsrapport med dei faste målepunkta, som CSV og Excel, til dømes «rapport K3 2026»."),
            [Language.Sv] = new("rapport <K1–K4> <år>", "Kvartals- eller årsrapport med de fasta mätpunkterna, som CSV och Excel, till exempel ”rapport K3 2026”."),
            [Language.En] = new("report <Q1–Q4> <year>", "Quarterly or annual report with the fixed measurement points, as CSV and Excel, e.g. \"report Q3 2026\"."),
        });
}
