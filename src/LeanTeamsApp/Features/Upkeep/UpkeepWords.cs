using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Upkeep;

/// <summary>The upkeep commands as people type them (every word works in every locale) and as `help` lists them.</summary>
internal static class UpkeepWords
{
    public static readonly CommandText EditUnit = new(
        [(Language.En, "edit unit"), (Language.Nb, "rediger enhet"), (Language.Nn, "rediger eining"), (Language.Sv, "redigera enhet")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("rediger enhet [navn]", "Endre enhetens tavlemøte, enhetskoordinatorer og mål på et kort (enhetsleder og Lean-koordinator)."),
            [Language.Nn] = new("rediger eining [namn]", "Endre tavlemøtet, einingskoordinatorane og måla til eininga på eit kort (einingsleiar og Lean-koordinator)."),
            [Language.Sv] = new("redigera enhet [namn]", "Ändra enhetens tavelmöte, leankoordinatorer och mål på ett kort (enhetschef och leansamordnare)."),
            [Language.En] = new("edit unit [name]", "Change the unit's board meeting, unit Lean coordinators and goals on a card (unit leader and Lean coordinator)."),
        });
}
