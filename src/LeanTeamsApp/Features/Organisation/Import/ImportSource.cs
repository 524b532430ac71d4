namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>A value read from an import file and the line it stood on, so every error can point at it.</summary>
internal sealed record SourceField(string Value, int Line);

internal sealed class SourceRecord(int line, int capacity = 0)
{
    public int Line { get; } = line;

    public Dictionary<string, SourceField> Fields { get; } = new(capacity, StringComparer.Ordinal);

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

    /// <summary>True for an organisation file (YAML), which describes the whole organisation; false for a units sheet.</summary>
    public bool IsWholeOrganisation { get; init; }

    public SourceRecord? Organisation { get; set; }

    public List<SourceRecord> ServiceAreas { get; } = [];

    public List<SourceRecord> People { get; } = [];

    public List<SourceRecord> Units { get; } = [];

    public List<SourceRecord> HolidayPeriods { get; } = [];

    /// <summary>What the reader found wrong with the file's shape; the validator does not run when there is any.</summary>
    public ImportErrors SyntaxErrors { get; } = new(fileName);
}

/// <summary>
/// The errors of one file, at most <see cref="ImportLimits.MaxErrors"/> of them and a last line saying there were
/// more: a file of a million bad lines must not print a million lines.
/// </summary>
internal sealed class ImportErrors(string fileName)
{
    private readonly List<ImportError> _errors = [];

    public string FileName { get; } = fileName;

    public int Count => _errors.Count;

    /// <summary>No further error will be listed: readers may stop early.</summary>
    public bool IsFull => _errors.Count > ImportLimits.MaxErrors;

    public IReadOnlyList<ImportError> All => _errors;

    public void Add(int line, string field, ImportReasonKind kind, params object[] arguments) => Add(line, field, ImportReason.Of(kind, arguments));

    public void Add(int line, string field, ImportReason reason)
    {
        field = field.Length == 0 ? "(field)" : field;
        if (_errors.Count < ImportLimits.MaxErrors)
        {
            _errors.Add(new ImportError(FileName, line, field, reason));
        }
        else if (_errors.Count == ImportLimits.MaxErrors)
        {
            _errors.Add(new ImportError(FileName, line, "(file)", ImportReason.Of(ImportReasonKind.TooManyErrors, ImportLimits.MaxErrors)));
        }
    }

    public void AddRange(IEnumerable<ImportError> errors)
    {
        foreach (var error in errors)
        {
            Add(error.Line, error.Field, error.Why);
        }
    }
}

/// <summary>One problem of an import file or a form: where it is, and why (<see cref="Why"/>, worded in any language).</summary>
public sealed record ImportError(string File, int Line, string Field, ImportReason Why)
{
    public ImportError(string file, int line, string field, ImportReasonKind kind, params object[] arguments)
        : this(file, line, field, ImportReason.Of(kind, arguments))
    {
    }

    /// <summary>The reason in English: what the command line prints and the log keeps.</summary>
    public string Reason => Why.In(Language.En);

    public string ReasonIn(Language language) => Why.In(language);

    public override string ToString() => $"{File}:{Line}: {Field}: {Reason}";

    /// <summary>
    /// Text from the file as an error may quote it: control characters written out as \uXXXX so they cannot rewrite
    /// the terminal, and cut short so that a 40,000-character value does not become a 40,000-character error.
    /// </summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const int Shown = 60;
        var builder = new System.Text.StringBuilder();
        foreach (var c in text.Length > Shown ? text[..Shown] : text)
        {
            if (ImportText.IsForbidden(c) || c is '\t' or '\n' or '\r')
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return text.Length > Shown ? builder.Append('…').ToString() : builder.ToString();
    }
}
