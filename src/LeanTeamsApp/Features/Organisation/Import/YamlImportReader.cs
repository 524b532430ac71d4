using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// Reads the organisation YAML file as a stream of parser events against the file's known shape, never as a document
/// tree: anchors and aliases are refused before anything is expanded (an 8.7 KB file of nested aliases once took
/// 6.5 GB), nesting is bounded, every field is known by name, and a list or mapping where a value belongs is an
/// error with its line. Nested mappings flatten to dotted names (boardMeeting.weekday); a goal list keeps its entries
/// apart (goals[0].title) so that each error can name its own line.
/// </summary>
internal sealed class YamlImportReader
{
    private const int MaxFieldNameLength = 64;

    private enum Kind
    {
        /// <summary>One value.</summary>
        Value,

        /// <summary>One value or a list of values, kept as one value joined by ';' (roles, coordinators).</summary>
        Values,

        /// <summary>A list whose entries are titles or mappings of values (goals), or one value.</summary>
        Goals,

        /// <summary>A mapping of named fields.</summary>
        Mapping,

        /// <summary>A list of mappings, each a record of its own (units, people).</summary>
        Records,
    }

    private sealed record Shape(Kind Kind, object? Noun = null, IReadOnlyDictionary<string, Shape>? Fields = null, Shape? Entry = null, int MaxEntries = 0)
    {
        public string FieldList => string.Join(", ", Fields!.Keys);
    }

    private static readonly Shape Value = new(Kind.Value);

    private static readonly Shape Values = new(Kind.Values);

    private static readonly Shape Goals = new(Kind.Goals);

    private static readonly Shape Channel = Mapping("channel", "teamId", "channelId", "name");

    private static readonly Shape OrganisationFile = Record(
        ImportReason.Of(ImportReasonKind.TheOrganisation),
        ("tenantId", Value), ("name", Value), ("timeZone", Value), ("reminderAfterHours", Value), ("hoursPerWorkYear", Value), ("benefitChaseWeeks", Value), ("reportCycle", Value), ("deviationSystem", Value), ("writtenLanguage", Value),
        ("digest", Mapping("digest", "weekday", "time")),
        ("terms", Record(ImportReason.Of(ImportReasonKind.TheTerms), [.. Infrastructure.Vocabulary.GlossaryFile.Overridable.Select(c => (c, Mapping(c, [.. OrganisationTerms.LanguageKeys])))])), ("coordinatorChannel", Mapping("coordinatorChannel", "teamId", "channelId", "name")),
        ("holidayPeriods", Records(ImportLimits.MaxHolidayPeriods, Record(ImportReason.Of(ImportReasonKind.AHolidayPeriod), ("name", Value), ("from", Value), ("to", Value)))),
        ("serviceAreas", Records(ImportLimits.MaxServiceAreas, Record(ImportReason.Of(ImportReasonKind.AServiceArea), ("id", Value), ("name", Value), ("kind", Value), ("leader", Value), ("goals", Goals)))),
        ("people", Records(ImportLimits.MaxPeople, Record(ImportReason.Of(ImportReasonKind.APerson), ("email", Value), ("name", Value), ("roles", Values), ("unit", Value), ("aadObjectId", Value)))),
        ("units", Records(ImportLimits.MaxUnits, Record(
            ImportReason.Of(ImportReasonKind.AUnit),
            ("tenantId", Value), ("id", Value), ("name", Value), ("serviceArea", Value), ("leader", Value), ("coordinators", Values),
            ("timeZone", Value), ("boardMeeting", Mapping("boardMeeting", "weekday", "time", "minutes")), ("leanStart", Value),
            ("guidance", Mapping("guidance", "consultant", "from", "to")), ("goals", Goals), ("channel", Channel), ("archived", Value)))));

    private readonly ImportSource _source;
    private readonly Parser _parser;
    private readonly Stack<Dictionary<string, int>> _seen = new();
    private int _depth;

    // Set by an error after which reading on would be costly or meaningless (an alias, too deep a nesting, too many
    // entries): reading stops there.
    private bool _stopped;

    private YamlImportReader(ImportSource source, string text)
    {
        _source = source;
        _parser = new Parser(new StringReader(text));
    }

    private ImportErrors Errors => _source.SyntaxErrors;

    public static ImportSource Read(string fileName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = new ImportSource(fileName) { IsWholeOrganisation = true };

        // The scanner reads NUL as the end of the file and U+0085 as a line break, so such characters are looked for
        // in the text itself, before the parser can misread them.
        foreach (var (line, lineStart, column, character) in ImportText.ForbiddenCharacters(text))
        {
            source.SyntaxErrors.Add(line, FieldBefore(text.AsSpan(lineStart, column)), ImportText.ValueProblem(character.ToString())!);
            if (source.SyntaxErrors.IsFull)
            {
                break;
            }
        }

        if (source.SyntaxErrors.Count > 0)
        {
            return source;
        }

        var reader = new YamlImportReader(source, text);
        try
        {
            reader.ReadStream();
        }
        catch (YamlException e)
        {
            source.SyntaxErrors.Add(Line(e.Start), "(file)", ImportReasonKind.NotYaml, e.InnerException?.Message ?? e.Message);
        }

        return source;
    }

    private static Shape Mapping(object noun, params string[] fields) =>
        new(Kind.Mapping, noun, fields.ToDictionary(f => f, _ => Value, StringComparer.Ordinal));

    private static Shape Record(object noun, params (string Name, Shape Shape)[] fields) =>
        new(Kind.Mapping, noun, fields.ToDictionary(f => f.Name, f => f.Shape, StringComparer.Ordinal));

    private static Shape Records(int max, Shape entry) => new(Kind.Records, Entry: entry, MaxEntries: max);

    private void ReadStream()
    {
        _parser.Consume<StreamStart>();
        if (!_parser.TryConsume<DocumentStart>(out _))
        {
            Errors.Add(1, "(file)", ImportReasonKind.EmptyOrganisationFile);
            return;
        }

        if (_parser.Current is not MappingStart root)
        {
            Errors.Add(Line(_parser.Current!.Start), "(file)", ImportReasonKind.NotOrganisationMapping);
            Skip();
        }
        else
        {
            _source.Organisation = new SourceRecord(Line(root.Start));
            ReadMapping(_source.Organisation, "", OrganisationFile);
        }

        if (_stopped)
        {
            return;
        }

        _parser.Consume<DocumentEnd>();
        if (_parser.Current is DocumentStart another)
        {
            Errors.Add(Line(another.Start), "(file)", ImportReasonKind.SecondDocument);
        }
    }

    /// <summary>Reads the mapping that starts at the current event into <paramref name="record"/>, its fields under <paramref name="prefix"/>.</summary>
    private void ReadMapping(SourceRecord record, string prefix, Shape shape)
    {
        var at = prefix.Length == 0 ? "(field)" : prefix.TrimEnd('.');
        if (!Enter(_parser.Consume<MappingStart>(), at))
        {
            return;
        }

        var seen = Rent();
        while (!_stopped && !_parser.TryConsume<MappingEnd>(out _))
        {
            if (ReadKey(at) is not var (key, keyLine))
            {
                continue;
            }

            var field = prefix + key;
            if (!shape.Fields!.TryGetValue(key, out var fieldShape))
            {
                Errors.Add(keyLine, prefix + ImportError.Quote(key), ImportReasonKind.UnknownField, shape.Noun!, shape.FieldList);
                Skip();
            }
            else if (!seen.TryAdd(key, keyLine))
            {
                Errors.Add(keyLine, field, ImportReasonKind.GivenTwiceFirstOn, seen[key]);
                Skip();
            }
            else
            {
                ReadField(record, field, fieldShape);
            }
        }

        Return(seen);
        _depth--;
    }

    // One set of seen keys a nesting level, reused: a 40,000-unit file has 200,000 mappings.
    private Dictionary<string, int> Rent() => _seen.Count > 0 ? _seen.Pop() : new Dictionary<string, int>(StringComparer.Ordinal);

    private void Return(Dictionary<string, int> seen)
    {
        seen.Clear();
        _seen.Push(seen);
    }

    /// <summary>A mapping's next key, or null (with an error) when it is not a plain word: a list or mapping as a key, an anchor, a tag.</summary>
    private (string Key, int Line)? ReadKey(string at)
    {
        if (_parser.Current is Scalar key && Plain(key, at))
        {
            _parser.MoveNext();
            if (key.Value.Length <= MaxFieldNameLength && ImportText.ValueProblem(key.Value) is null)
            {
                return (key.Value, Line(key.Start));
            }

            Errors.Add(Line(key.Start), at, ImportReasonKind.NotFieldName, ImportError.Quote(key.Value));
            Skip();
            return null;
        }

        if (_parser.Current is MappingStart or SequenceStart)
        {
            Errors.Add(Line(_parser.Current.Start), at, ImportReasonKind.ComplexKey);
        }

        Skip();
        Skip();
        return null;
    }

    private void ReadField(SourceRecord record, string field, Shape shape)
    {
        // "guidance:" or "holidayPeriods:" with nothing after it says there is none, as leaving the field out would.
        if (shape.Kind is Kind.Mapping or Kind.Records && _parser.Current is Scalar { Value.Length: 0 } empty && Plain(empty, field))
        {
            _parser.MoveNext();
            return;
        }

        switch (shape.Kind)
        {
            case Kind.Value:
                if (ExpectValue(field, ImportReasonKind.AValue) is { } value)
                {
                    record.Fields[field] = value;
                }

                break;
            case Kind.Values:
                ReadValues(record, field);
                break;
            case Kind.Goals:
                ReadGoals(record, field);
                break;
            case Kind.Mapping when _parser.Current is MappingStart:
                ReadMapping(record, field + ".", shape);
                break;
            case Kind.Records when _parser.Current is SequenceStart:
                ReadRecords(field, shape);
                break;
            default:
                Errors.Add(Line(_parser.Current!.Start), field, shape.Kind == Kind.Records ? ImportReason.Of(ImportReasonKind.ExpectedList) : ImportReason.Of(ImportReasonKind.ExpectedMapping, shape.FieldList));
                Skip();
                break;
        }
    }

    private void ReadRecords(string key, Shape shape)
    {
        if (!Enter(_parser.Consume<SequenceStart>(), key))
        {
            return;
        }

        var into = key switch
        {
            "serviceAreas" => _source.ServiceAreas,
            "people" => _source.People,
            "units" => _source.Units,
            _ => _source.HolidayPeriods,
        };
        while (!_stopped && !_parser.TryConsume<SequenceEnd>(out _))
        {
            var entryLine = Line(_parser.Current!.Start);
            if (into.Count == shape.MaxEntries)
            {
                Errors.Add(entryLine, key, ImportReasonKind.TooManyEntries, shape.MaxEntries);
                _stopped = true;
                return;
            }

            if (_parser.Current is not MappingStart)
            {
                Errors.Add(entryLine, key, ImportReasonKind.EntryNotMapping);
                Skip();
                continue;
            }

            // Sized for a unit written out in full, so that reading 40,000 of them does not regrow each dictionary.
            var entry = new SourceRecord(entryLine, shape.Entry!.Fields!.Count + 4);
            ReadMapping(entry, "", shape.Entry);
            into.Add(entry);
        }

        _depth--;
    }

    private void ReadValues(SourceRecord record, string field)
    {
        if (_parser.Current is not SequenceStart start)
        {
            if (ExpectValue(field, ImportReasonKind.AValueOrList) is { } single)
            {
                record.Fields[field] = single;
            }

            return;
        }

        _parser.MoveNext();
        if (!Enter(start, field))
        {
            return;
        }

        var values = new List<string>();
        var ok = true;
        while (!_stopped && !_parser.TryConsume<SequenceEnd>(out _))
        {
            if (ExpectValue(field, ImportReasonKind.AValueOrList) is { } value)
            {
                values.Add(value.Value);
            }
            else
            {
                ok = false;
            }
        }

        _depth--;
        if (ok)
        {
            record.Fields[field] = new SourceField(string.Join(';', values), Line(start.Start));
        }
    }

    private void ReadGoals(SourceRecord record, string field)
    {
        if (_parser.Current is not SequenceStart start)
        {
            if (ExpectValue(field, ImportReasonKind.AListOfGoals) is { } single)
            {
                record.Fields[field] = single;
            }

            return;
        }

        _parser.MoveNext();
        if (!Enter(start, field))
        {
            return;
        }

        for (var index = 0; !_stopped && !_parser.TryConsume<SequenceEnd>(out _); index++)
        {
            var entry = $"{field}[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (_parser.Current is MappingStart)
            {
                ReadGoal(record, entry);
            }
            else if (ExpectValue(entry, ImportReasonKind.ATitleOrMapping) is { } title)
            {
                record.Fields[entry] = title;
            }
        }

        _depth--;
    }

    /// <summary>A goal's mapping; its keys are checked by the validator, which knows which level the goal is on.</summary>
    private void ReadGoal(SourceRecord record, string entry)
    {
        if (!Enter(_parser.Consume<MappingStart>(), entry))
        {
            return;
        }

        var seen = Rent();
        while (!_stopped && !_parser.TryConsume<MappingEnd>(out _))
        {
            if (ReadKey(entry) is not var (key, keyLine))
            {
                continue;
            }

            var field = $"{entry}.{key}";
            if (!seen.TryAdd(key, keyLine))
            {
                Errors.Add(keyLine, field, ImportReasonKind.GivenTwice);
                Skip();
            }
            else if (ExpectValue(field, ImportReasonKind.AValue) is { } value)
            {
                record.Fields[field] = value;
            }
        }

        Return(seen);
        _depth--;
    }

    /// <summary>The current event as one value, or an error naming what was there instead; moves past it either way.</summary>
    private SourceField? ExpectValue(string field, ImportReasonKind expected)
    {
        if (_parser.Current is not Scalar scalar)
        {
            if (_parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored)
            {
                Plain(anchored, field);
                return null;
            }

            if (_parser.Current is MappingStart or SequenceStart)
            {
                Errors.Add(Line(_parser.Current.Start), field, ImportReasonKind.ExpectedNot, ImportReason.Of(expected), ImportReason.Of(_parser.Current is MappingStart ? ImportReasonKind.AMapping : ImportReasonKind.AList));
            }

            Skip();
            return null;
        }

        if (!Plain(scalar, field))
        {
            Skip();
            return null;
        }

        _parser.MoveNext();
        var value = scalar.Value.Trim();
        var line = Line(scalar.Start);
        if (value.Length > ImportLimits.MaxValueLength)
        {
            Errors.Add(line, field, ImportReasonKind.ValueTooLong, value.Length, ImportLimits.MaxValueLength);
            return null;
        }

        if (ImportText.ValueProblem(value) is { } problem)
        {
            Errors.Add(line, field, problem);
            return null;
        }

        return new SourceField(value, line);
    }

    /// <summary>
    /// Refuses anchors and tags on a node: neither has a use in an organisation file, and an anchor is how an alias
    /// bomb starts, so reading stops at the first.
    /// </summary>
    private bool Plain(NodeEvent node, string field)
    {
        if (!node.Anchor.IsEmpty)
        {
            Errors.Add(Line(node.Start), field, ImportReasonKind.Anchors, ImportError.Quote(node.Anchor.Value));
            _stopped = true;
            return false;
        }

        if (!node.Tag.IsEmpty && !node.Tag.IsNonSpecific)
        {
            Errors.Add(Line(node.Start), field, ImportReasonKind.Tags, ImportError.Quote(node.Tag.Value));
            return false;
        }

        return true;
    }

    /// <summary>Counts a collection just consumed; refuses one that is tagged, anchored or nested deeper than any valid file goes.</summary>
    private bool Enter(NodeEvent start, string field)
    {
        _depth++;
        if (_depth > ImportLimits.MaxNestingDepth)
        {
            Errors.Add(Line(start.Start), field, ImportReasonKind.TooDeep, ImportLimits.MaxNestingDepth);
            _stopped = true;
        }
        else if (Plain(start, field))
        {
            return true;
        }

        SkipRest();
        _depth--;
        return false;
    }

    /// <summary>
    /// Moves past the current node and everything in it, without recursion, stopping at an alias, an anchor or a depth
    /// no valid file reaches.
    /// </summary>
    private void Skip()
    {
        if (_stopped || _parser.Current is null)
        {
            return;
        }

        var current = _parser.Current;
        if (current is AnchorAlias alias)
        {
            Errors.Add(Line(alias.Start), "(file)", ImportReasonKind.Aliases, ImportError.Quote(alias.Value.Value));
            _stopped = true;
            return;
        }

        if (current is NodeEvent node && !node.Anchor.IsEmpty)
        {
            Plain(node, "(file)");
            return;
        }

        _parser.MoveNext();
        if (current is MappingStart or SequenceStart)
        {
            _depth++;
            if (_depth > ImportLimits.MaxNestingDepth)
            {
                Errors.Add(Line(current.Start), "(file)", ImportReasonKind.TooDeep, ImportLimits.MaxNestingDepth);
                _stopped = true;
            }

            SkipRest();
            _depth--;
        }
    }

    /// <summary>Moves past the rest of the collection just entered, up to and including its end.</summary>
    private void SkipRest()
    {
        while (!_stopped && _parser.Current is not (MappingEnd or SequenceEnd))
        {
            Skip();
        }

        if (!_stopped)
        {
            _parser.MoveNext();
        }
    }

    /// <summary>For a character the parser must not see: the field written before it on its line, as far as a line can tell.</summary>
    private static string FieldBefore(ReadOnlySpan<char> before)
    {
        var colon = before.LastIndexOf(':');
        var begin = colon;
        while (begin > 0 && (char.IsAsciiLetterOrDigit(before[begin - 1]) || before[begin - 1] is '_' or '.'))
        {
            begin--;
        }

        return colon > 0 && begin < colon ? before[begin..colon].ToString() : "(file)";
    }

    private static int Line(Mark mark) => (int)Math.Min(mark.Line, int.MaxValue);
}
