namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>A value read from an import file and the line it stood on, so every error can point at it.</summary>
internal sealed record SourceField(string Value, int Line);

internal sealed class SourceRecord(int line)
{
    public int Line { get; } = line;

    public Dictionary<string, SourceField> Fields { get; } = new(StringComparer.Ordinal);

    public SourceField? this[string name] => Fields.TryGetValue(name, out var f) && !string.IsNullOrWhiteSpace(f.Value) ? f : null;

    public int LineOf(string name) => Fields.TryGetValue(name, out var f) ? f.Line : Line;
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
