using System.Globalization;
using System.Text;

namespace LeanTeamsApp.Testing;

/// <summary>
/// Organisation files of any size, written out in full as a coordinator would (block style, one field a line): a
/// leader and a unit coordinator of its own for every unit, two goals, 40 service areas. <paramref name="variant"/>
/// renames every unit and moves every board meeting, so a second import changes every unit row.
/// </summary>
public static class SyntheticOrganisation
{
    public const int ServiceAreas = 40;

    public static string Yaml(string tenantId, int units, int variant = 0)
    {
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"tenantId: {tenantId}\nname: Storby kommune\ntimeZone: Europe/Oslo\n");
        yaml.Append("serviceAreas:\n  - id: toppledelsen\n    name: Toppledelsen\n    kind: topManagement\n    leader: direktor@storby.no\n");
        yaml.Append("    goals:\n      - { id: brukeren-i-sentrum, title: Brukeren i sentrum }\n");
        for (var a = 0; a < ServiceAreas; a++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: omrade-{a}\n    name: Område {a}\n    leader: tol{a}@storby.no\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    goals:\n      - {{ id: mal-{a}, title: Kortere ventetid i område {a}, supports: brukeren-i-sentrum }}\n");
        }

        yaml.Append("people:\n  - { email: direktor@storby.no, name: Direktør }\n  - { email: koordinator@storby.no, name: Lean-koordinator, roles: [coordinator] }\n");
        for (var a = 0; a < ServiceAreas; a++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ email: tol{a}@storby.no, name: Tjenesteområdeleder {a} }}\n");
        }

        for (var u = 0; u < units; u++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ email: leder{u}@storby.no, name: Leder for enhet {u} }}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ email: koordinator{u}@storby.no, name: Koordinator for enhet {u}, unit: enhet-{u} }}\n");
        }

        yaml.Append("units:\n");
        for (var u = 0; u < units; u++)
        {
            var weekday = ((u + variant) % 5) + 1;
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: enhet-{u}\n    name: Enhet {u}{(variant == 0 ? "" : $" ({variant})")}\n    serviceArea: omrade-{u % ServiceAreas}\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    leader: leder{u}@storby.no\n    coordinators: [koordinator{u}@storby.no]\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    boardMeeting: {{ weekday: {weekday}, time: \"{8 + (u % 6):D2}:{(u % 4) * 15:D2}\", minutes: 15 }}\n    leanStart: 2025-01-06\n");
            yaml.Append(CultureInfo.InvariantCulture, $"    goals:\n      - {{ title: Ventetid under to uker, supports: mal-{u % ServiceAreas} }}\n      - Færre avvik\n");
        }

        return yaml.ToString();
    }
}
