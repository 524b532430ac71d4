using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Digest;

/// <summary>The digest command as people type them (every word works in every locale) and as `help` lists them.</summary>
internal static class DigestWords
{
    public static readonly CommandText Digest = new(
        [(Language.En, "digest"), (Language.Nb, "ukeoppsummering"), (Language.Nn, "vekeoppsummering"), (Language.Sv, "veckosammanfattning")],
        new Dictionary<Language, HelpLine>
        {
            [Language.Nb] = new("ukeoppsummering", "Få forbedringsforumets ukeoppsummering nå (Lean-koordinator, tjenesteområdeleder)."),
            [Language.Nn] = new("vekeoppsummering", "Få vekeoppsummeringa til forbetringsforumet no (Lean-koordinator, tenesteområdeleiar)."),
            [Language.Sv] = new("veckosammanfattning", "Få förbättringsforumets veckosammanfattning nu (leansamordnare, verksamhetsområdeschef)."),
            [Language.En] = new("digest", "Get the improvement forum's weekly digest now (Lean coordinator, service-area leader)."),
        });
}
