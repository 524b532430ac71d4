using System.Globalization;
using ClosedXML.Excel;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// The tenant's organisation written as the organisation file the import reads, so that a coordinator can download it,
/// change it and upload it again: imported unchanged, it changes nothing. Teams channels and Entra object ids are left
/// out; the app links them itself, and an import that does not name them keeps what is stored. People removed by an
/// earlier import are left out as they were.
/// </summary>
public sealed class OrganisationExport(OrganisationStore store)
{
    /// <summary>The organisation file, or null when the tenant has no organisation.</summary>
    public async Task<string?> YamlAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (await store.GetOrganisationAsync(tenantId, cancellationToken) is not { } organisation)
        {
            return null;
        }

        var areas = await store.ListServiceAreasAsync(tenantId, cancellationToken);
        var people = await store.ListPeopleAsync(tenantId, cancellationToken);
        var units = await store.ListUnitsAsync(tenantId, cancellationToken);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        text.WriteLine($"# {organisation.Name}: the organisation file, as stored. Upload it changed to update the organisation;");
        text.WriteLine("# uploaded unchanged it changes nothing. Teams channels are bound in Teams and kept by every import.");
        Write(new Writer(new Emitter(text)), organisation, areas, people.Where(p => !p.Removed).ToList(), units);
        return text.ToString();
    }

    /// <summary>
    /// The units as the units sheet HR exports (.xlsx, the CSV sheet's columns), or null when the tenant has no
    /// organisation. Every cell is text, so that Excel keeps 08:30 and 2026-08-17 as written. Imported unchanged it
    /// changes nothing. A goal whose title holds ';' or '->' cannot be written in a goals cell; then the sheet has no
    /// goals column at all, which an import reads as "keep every unit's goals" (change such goals in the YAML file).
    /// </summary>
    public async Task<byte[]?> UnitsSheetAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (await store.GetOrganisationAsync(tenantId, cancellationToken) is null)
        {
            return null;
        }

        var people = (await store.ListPeopleAsync(tenantId, cancellationToken)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var units = await store.ListUnitsAsync(tenantId, cancellationToken);
        string NameOf(string id) => people.TryGetValue(id, out var person) ? person.Name : id;
        var goalsColumn = units.All(u => u.Goals.All(g => !g.Contains(';', StringComparison.Ordinal) && !g.Contains("->", StringComparison.Ordinal)));
        string[] header = ["tenant_id", "unit_id", "unit_name", "service_area", "leader_email", "leader_name", "coordinators", "time_zone",
            "board_weekday", "board_time", "board_minutes", "lean_start", "consultant_email", "guidance_from", "guidance_to", "archived", .. goalsColumn ? ["goals"] : Array.Empty<string>()];
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Units");
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(header[c]);
        }

        var row = 2;
        foreach (var unit in units.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            string[] cells =
            [
                tenantId, unit.Id, unit.Name, unit.ServiceAreaId, unit.LeaderId, NameOf(unit.LeaderId),
                string.Join("; ", unit.CoordinatorIds.Select(id => $"{NameOf(id)} <{id}>")),
                unit.TimeZone, Weekday(unit.BoardMeeting.Weekday), Time(unit.BoardMeeting.Start),
                unit.BoardMeeting.Minutes.ToString(CultureInfo.InvariantCulture), Date(unit.LeanStart),
                unit.Guidance?.ConsultantId ?? "", unit.Guidance is { } g ? Date(g.From) : "", unit.Guidance is { } h ? Date(h.To) : "",
                unit.Archived ? "yes" : "no",
                .. goalsColumn ? [string.Join("; ", unit.Goals.Select(goal => unit.GoalSupports.TryGetValue(goal, out var supports) ? $"{goal} -> {supports}" : goal))] : Array.Empty<string>(),
            ];
            for (var c = 0; c < cells.Length; c++)
            {
                // Text, not a value Excel may read as a date, time or number.
                sheet.Cell(row, c + 1).SetValue(cells[c]).SetDataType(XLDataType.Text);
            }

            row++;
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        using var file = new MemoryStream();
        workbook.SaveAs(file);
        return file.ToArray();
    }

    private static void Write(Writer y, Organisation organisation, IReadOnlyList<ServiceArea> areas, IReadOnlyList<Person> people, IReadOnlyList<Unit> units)
    {
        y.Emit(new StreamStart());
        y.Emit(new DocumentStart());
        y.Map(() =>
        {
            y.Pair("tenantId", organisation.TenantId);
            y.Pair("name", organisation.Name);
            y.Pair("timeZone", organisation.DefaultTimeZone);
            y.Pair("reminderAfterHours", organisation.ReminderAfterHours.ToString(CultureInfo.InvariantCulture));
            y.Pair("hoursPerWorkYear", organisation.HoursPerWorkYear.ToString(CultureInfo.InvariantCulture));
            y.Pair("benefitChaseWeeks", organisation.BenefitChaseWeeks.ToString(CultureInfo.InvariantCulture));
            y.Pair("reportCycle", organisation.ReportCycle.ToString().ToLowerInvariant());
            if (organisation.DeviationSystem is { } deviationSystem)
            {
                y.Pair("deviationSystem", deviationSystem.AbsoluteUri);
            }

            if (organisation.WrittenLanguage is { } language)
            {
                y.Pair("writtenLanguage", WrittenLanguage.Code(language));
            }

            y.Key("digest");
            y.Flow(() =>
            {
                y.Pair("weekday", Weekday(organisation.Digest.Weekday));
                y.Pair("time", Time(organisation.Digest.Time));
            });
            if (!organisation.Terms.IsEmpty)
            {
                y.Key("terms");
                y.Map(() =>
                {
                    foreach (var concept in organisation.Terms.All.GroupBy(t => t.Concept))
                    {
                        y.Key(concept.Key);
                        y.Flow(() =>
                        {
                            foreach (var (_, language, word) in concept)
                            {
                                y.Pair(language, word);
                            }
                        });
                    }
                });
            }

            if (organisation.HolidayPeriods.Count > 0)
            {
                y.Key("holidayPeriods");
                y.Sequence(organisation.HolidayPeriods, p => y.Flow(() =>
                {
                    y.Pair("name", p.Name);
                    y.Pair("from", Date(p.From));
                    y.Pair("to", Date(p.To));
                }));
            }

            y.Key("serviceAreas");
            y.Sequence(areas.OrderBy(a => a.Kind == ServiceAreaKind.TopManagement ? 0 : 1).ThenBy(a => a.Id, StringComparer.Ordinal), area => y.Map(() =>
            {
                y.Pair("id", area.Id);
                y.Pair("name", area.Name);
                if (area.Kind == ServiceAreaKind.TopManagement)
                {
                    y.Pair("kind", "topManagement");
                }

                y.Pair("leader", area.LeaderId);
                if (area.Goals.Count > 0)
                {
                    y.Key("goals");
                    y.Sequence(area.Goals, goal => y.Flow(() =>
                    {
                        y.Pair("id", goal.Id);
                        y.Pair("title", goal.Title);
                        y.Optional("supports", goal.SupportsId);
                    }));
                }
            }));

            y.Key("people");
            y.Sequence(people.OrderBy(p => p.Id, StringComparer.Ordinal), person => y.Flow(() =>
            {
                y.Pair("email", person.Id);
                y.Pair("name", person.Name);
                if (Roles(person.Roles) is { Count: > 0 } roles)
                {
                    y.Key("roles");
                    y.Sequence(roles, y.Scalar, flow: true);
                }

                y.Optional("unit", person.HomeUnitId);
            }));

            y.Key("units");
            y.Sequence(units.OrderBy(u => u.Id, StringComparer.Ordinal), unit => y.Map(() =>
            {
                y.Pair("id", unit.Id);
                y.Pair("name", unit.Name);
                y.Pair("serviceArea", unit.ServiceAreaId);
                y.Pair("leader", unit.LeaderId);
                if (unit.CoordinatorIds.Count > 0)
                {
                    y.Key("coordinators");
                    y.Sequence(unit.CoordinatorIds, y.Scalar, flow: true);
                }

                if (unit.Goals.Count > 0)
                {
                    y.Key("goals");
                    y.Sequence(unit.Goals, goal => y.Flow(() =>
                    {
                        y.Pair("title", goal);
                        y.Optional("supports", unit.GoalSupports.GetValueOrDefault(goal));
                        if (unit.GoalIndicators.GetValueOrDefault(goal) is { } indicator)
                        {
                            y.Pair("indicator", indicator.Name);
                            y.Pair("target", GoalIndicator.Format(indicator.Target));
                            y.Pair("better", indicator.Better == IndicatorDirection.Lower ? "lower" : "higher");
                        }
                    }));
                }

                y.Pair("timeZone", unit.TimeZone);
                y.Key("boardMeeting");
                y.Flow(() =>
                {
                    y.Pair("weekday", Weekday(unit.BoardMeeting.Weekday));
                    y.Pair("time", Time(unit.BoardMeeting.Start));
                    y.Pair("minutes", unit.BoardMeeting.Minutes.ToString(CultureInfo.InvariantCulture));
                });
                y.Pair("leanStart", Date(unit.LeanStart));
                if (unit.Guidance is { } guidance)
                {
                    y.Key("guidance");
                    y.Flow(() =>
                    {
                        y.Pair("consultant", guidance.ConsultantId);
                        y.Pair("from", Date(guidance.From));
                        y.Pair("to", Date(guidance.To));
                    });
                }

                if (unit.Archived)
                {
                    y.Pair("archived", "true");
                }
            }));
        });
        y.Emit(new DocumentEnd(isImplicit: true));
        y.Emit(new StreamEnd());
    }

    private static List<string> Roles(OrganisationRoles roles) =>
    [
        .. roles.HasFlag(OrganisationRoles.Coordinator) ? ["coordinator"] : Array.Empty<string>(),
        .. roles.HasFlag(OrganisationRoles.Consultant) ? ["consultant"] : Array.Empty<string>(),
        .. roles.HasFlag(OrganisationRoles.TopManagement) ? ["topManagement"] : Array.Empty<string>(),
    ];

    private static string Weekday(DayOfWeek day) => day.ToString().ToLowerInvariant();

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>YamlDotNet's emitter, which quotes every value that needs it; these say what the file's shape is.</summary>
    private sealed class Writer(IEmitter emitter)
    {
        public void Emit(ParsingEvent e) => emitter.Emit(e);

        public void Scalar(string value) =>
            // Double quotes where a plain value could be read as something else (a time such as 08:30, a number, a
            // name with a colon); the reader takes every value as text either way.
            emitter.Emit(new Scalar(null, null, value, NeedsQuotes(value) ? ScalarStyle.DoubleQuoted : ScalarStyle.Any, true, true));

        public void Key(string key) => emitter.Emit(new Scalar(key));

        public void Pair(string key, string value)
        {
            Key(key);
            Scalar(value);
        }

        public void Optional(string key, string? value)
        {
            if (value is not null)
            {
                Pair(key, value);
            }
        }

        public void Map(Action body) => Mapping(body, MappingStyle.Block);

        public void Flow(Action body) => Mapping(body, MappingStyle.Flow);

        public void Sequence<T>(IEnumerable<T> items, Action<T> item, bool flow = false)
        {
            emitter.Emit(new SequenceStart(null, null, true, flow ? SequenceStyle.Flow : SequenceStyle.Block));
            foreach (var each in items)
            {
                item(each);
            }

            emitter.Emit(new SequenceEnd());
        }

        private void Mapping(Action body, MappingStyle style)
        {
            emitter.Emit(new MappingStart(null, null, true, style));
            body();
            emitter.Emit(new MappingEnd());
        }

        private static bool NeedsQuotes(string value) =>
            value.Length == 0 || value.Any(c => c is ':' or '#' or ',' or '[' or ']' or '{' or '}' or '"' or '\'' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`')
            || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value.All(c => char.IsDigit(c) || c is '.' or '-');
    }
}
