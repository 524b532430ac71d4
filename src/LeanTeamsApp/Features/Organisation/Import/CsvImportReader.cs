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
    internal static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
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
        ["archived"] = "archived",
    };

    public static ImportSource Read(string fileName, string text)
    {
        var source = new ImportSource(fileName);
        var errors = source.SyntaxErrors;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            TrimOptions = TrimOptions.Trim,
            BadDataFound = bad => errors.Add(bad.Context.Parser?.RawRow ?? 0, "(row)", ImportReasonKind.BadQuote),
            MissingFieldFound = null,
        };
        using var csv = new CsvReader(new StringReader(text), config);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            errors.Add(1, "(header)", ImportReasonKind.EmptySheet);
            return source;
        }

        var headerLine = csv.Parser.RawRow;
        var header = csv.HeaderRecord;
        var columns = Header(errors, headerLine, header.Select((name, i) => (name, i, i + 1)));

        while (!errors.IsFull && csv.Read())
        {
            var line = csv.Parser.RawRow;
            var row = new List<(string Column, string Value)>();
            foreach (var (column, i) in columns)
            {
                if (csv.TryGetField<string>(i, out var value) && value is not null)
                {
                    row.Add((column, value));
                }
            }

            if (!AddRow(source, line, row))
            {
                break;
            }
        }

        return source;
    }

    /// <summary>
    /// A units sheet's header (from a CSV file or a workbook): each known column name with the key its row values are
    /// read by (<c>Key</c>), and an error for an unknown column (named by its <c>Number</c> when it has no name) or
    /// one that is there twice.
    /// </summary>
    internal static Dictionary<string, int> Header(ImportErrors errors, int line, IEnumerable<(string Name, int Key, int Number)> header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, key, number) in header)
        {
            if (!Columns.ContainsKey(name))
            {
                errors.Add(line, name.Length == 0 ? $"(column {number})" : ImportError.Quote(name), ImportReasonKind.UnknownColumn, string.Join(", ", Columns.Keys));
            }
            else if (!columns.TryAdd(name, key))
            {
                errors.Add(line, name, ImportReasonKind.ColumnTwice);
            }
        }

        return columns;
    }

    /// <summary>
    /// One row of a units sheet (from a CSV file or a workbook): each value checked and kept under the field name
    /// the YAML file uses. False when the sheet has more units than an import takes, and reading should stop.
    /// </summary>
    internal static bool AddRow(ImportSource source, int line, IEnumerable<(string Column, string Value)> row)
    {
        var errors = source.SyntaxErrors;
        var record = new SourceRecord(line);
        foreach (var (column, value) in row)
        {
            var field = Columns[column];
            if (value.Length > ImportLimits.MaxValueLength)
            {
                errors.Add(line, field, ImportReasonKind.ValueTooLong, value.Length, ImportLimits.MaxValueLength);
            }
            else if (ImportText.ValueProblem(value) is { } problem)
            {
                errors.Add(line, field, problem);
            }
            else
            {
                record.Fields[field] = new SourceField(value, line);
            }
        }

        if (record.Fields.Values.All(f => f.Value.Length == 0))
        {
            return true;
        }

        if (source.Units.Count == ImportLimits.MaxUnits)
        {
            errors.Add(line, "(row)", ImportReasonKind.TooManyUnits, ImportLimits.MaxUnits);
            return false;
        }

        source.Units.Add(record);
        return true;
    }
}
