using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// Reads a units sheet as HR or Excel exports it: one unit per row, comma or semicolon separated (Norwegian and
/// Swedish Excel use ';'). The organisation and its service areas must exist already (from the YAML import) or be
/// named in the row's service-area columns; people are created from the name and e-mail columns.
/// </summary>
internal static class CsvImportReader
{
    // Column name in the sheet -> the field name the YAML file uses, so one validator serves both.
    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tenant_id"] = "tenantId",
        ["unit_id"] = "id",
        ["unit_name"] = "name",
        ["service_area"] = "serviceArea",
        ["service_area_name"] = "serviceAreaName",
        ["service_area_leader"] = "serviceAreaLeader",
        ["leader_email"] = "leader",
        ["leader_name"] = "leaderName",
        ["coordinators"] = "coordinators",
        ["time_zone"] = "timeZone",
        ["board_weekday"] = "boardMeeting.weekday",
        ["board_time"] = "boardMeeting.time",
        ["board_minutes"] = "boardMeeting.minutes",
        ["lean_start"] = "leanStart",
        ["consultant_email"] = "guidance.consultant",
        ["guidance_from"] = "guidance.from",
        ["guidance_to"] = "guidance.to",
        ["goals"] = "goals",
    };

    public static IReadOnlyCollection<string> ColumnNames => Columns.Keys;

    public static ImportSource Read(string fileName, TextReader text)
    {
        var source = new ImportSource(fileName);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(text, config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            source.SyntaxErrors.Add(new ImportError(fileName, 1, "(header)", "the file is empty; expected a header row"));
            return source;
        }

        var headerLine = csv.Parser.RawRow;
        var header = csv.HeaderRecord;
        foreach (var unknown in header.Where(h => !Columns.ContainsKey(h)))
        {
            source.SyntaxErrors.Add(new ImportError(fileName, headerLine, unknown,
                $"unknown column; the columns are {string.Join(", ", Columns.Keys)}"));
        }

        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var record = new SourceRecord(line);
            for (var i = 0; i < header.Length; i++)
            {
                if (Columns.TryGetValue(header[i], out var field) && csv.TryGetField<string>(i, out var value) && value is not null)
                {
                    record.Fields[field] = new SourceField(value, line);
                }
            }

            if (record.Fields.Values.Any(f => f.Value.Length > 0))
            {
                source.Units.Add(record);
            }
        }

        return source;
    }
}
