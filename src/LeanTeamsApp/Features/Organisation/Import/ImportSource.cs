namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>A value read from an import file and the line it stood on, so every error can point at it.</summary>
internal sealed record SourceField(string Value, int Line);

internal sealed class SourceRecord(int line)
{
    public int Line { get; } = line;

    public Dictionary<string, SourceField> Fields { get; } = new(StringComparer.Ordinal);

    public SourceField? this[string name] => Fields.TryGetValue(name, out var f) && !string.IsNullOrWhiteSpace(f.Value) ? f : null;

    public int LineOf(string name) => Fields.TryGetValue(name, out var f) ? f.Line : Line;

    /// <summary>
    /// The entries of a list field, each as a record of its own: a YAML list of mappings (goals[0].title) gives one
    /// record per mapping; a list of values, or a sheet cell separated by ';', gives records whose value is under "".
    /// </summary>
    public IReadOnlyList<SourceRecord> Items(string name)
    {
        var items = new SortedDictionary<int, SourceRecord>();
        var prefix = name + "[";
        foreach (var (key, field) in Fields)
        {
            var close = key.IndexOf(']', StringComparison.Ordinal);
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || close < 0
                || !int.TryParse(key.AsSpan(prefix.Length, close - prefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            if (!items.TryGetValue(index, out var item))
            {
                items[index] = item = new SourceRecord(field.Line);
            }

            var rest = key[(close + 1)..];
            item.Fields[rest.StartsWith('.') ? rest[1..] : ""] = field;
        }

        if (items.Count > 0 || this[name] is not { } joined)
        {
            return [.. items.Values];
        }

        return [.. joined.Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(value =>
        {
            var item = new SourceRecord(joined.Line);
            item.Fields[""] = new SourceField(value, joined.Line);
            return item;
        })];
    }
}

/// <summary>What a YAML or CSV file said, before validation. CSV files carry only units (and the people they name).</summary>
internal sealed class ImportSource(string fileName)
{
    public string FileName { get; } = fileName;

    public SourceRecord? Organisation { get; set; }

    public List<SourceRecord> ServiceAreas { get; } = [];

    public List<SourceRecord> People { get; } = [];

    public List<SourceRecord> Units { get; } = [];

    public List<SourceRecord> HolidayPeriods { get; } = [];

    public List<ImportError> SyntaxErrors { get; } = [];
}

public sealed record ImportError(string File, int Line, string Field, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Reason}";
}
