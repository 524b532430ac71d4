using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// Reads the organisation YAML file. The representation model is used rather than a deserializer because it keeps
/// every node's line, which the errors need. Nested mappings flatten to dotted names (boardMeeting.weekday).
/// </summary>
internal static class YamlImportReader
{
    public static ImportSource Read(string fileName, TextReader text)
    {
        var source = new ImportSource(fileName);
        var stream = new YamlStream();
        try
        {
            stream.Load(text);
        }
        catch (YamlException e)
        {
            source.SyntaxErrors.Add(new ImportError(fileName, (int)e.Start.Line, "(file)", $"not valid YAML: {e.InnerException?.Message ?? e.Message}"));
            return source;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            source.SyntaxErrors.Add(new ImportError(fileName, 1, "(file)", "expected a mapping with tenantId, name, serviceAreas, people and units"));
            return source;
        }

        source.Organisation = new SourceRecord((int)root.Start.Line);
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (key)
            {
                case "serviceAreas":
                    ReadList(source, key, value, source.ServiceAreas);
                    break;
                case "people":
                    ReadList(source, key, value, source.People);
                    break;
                case "units":
                    ReadList(source, key, value, source.Units);
                    break;
                case "holidayPeriods":
                    ReadList(source, key, value, source.HolidayPeriods);
                    break;
                default:
                    Flatten(source, source.Organisation, key, value);
                    break;
            }
        }

        return source;
    }

    private static void ReadList(ImportSource source, string key, YamlNode node, List<SourceRecord> into)
    {
        if (node is not YamlSequenceNode list)
        {
            source.SyntaxErrors.Add(new ImportError(source.FileName, (int)node.Start.Line, key, "expected a list"));
            return;
        }

        foreach (var item in list)
        {
            if (item is not YamlMappingNode map)
            {
                source.SyntaxErrors.Add(new ImportError(source.FileName, (int)item.Start.Line, key, "expected each entry to be a mapping of fields"));
                continue;
            }

            var record = new SourceRecord((int)map.Start.Line);
            foreach (var (k, v) in map.Children)
            {
                Flatten(source, record, ((YamlScalarNode)k).Value ?? "", v);
            }

            into.Add(record);
        }
    }

    private static void Flatten(ImportSource source, SourceRecord record, string name, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                record.Fields[name] = new SourceField(scalar.Value?.Trim() ?? "", (int)scalar.Start.Line);
                break;
            case YamlSequenceNode list when name == "goals" && list.All(n => n is YamlScalarNode or YamlMappingNode):
                // Goals are titles or mappings ({ id, title, supports }): each entry under its index, goals[0].title,
                // so that every error names the entry's own line.
                var index = 0;
                foreach (var item in list)
                {
                    Flatten(source, record, $"{name}[{index++}]", item);
                }

                break;
            case YamlSequenceNode list when list.All(n => n is YamlScalarNode):
                record.Fields[name] = new SourceField(
                    string.Join(';', list.Cast<YamlScalarNode>().Select(s => s.Value?.Trim())),
                    (int)list.Start.Line);
                break;
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    Flatten(source, record, $"{name}.{((YamlScalarNode)k).Value}", v);
                }

                break;
            default:
                source.SyntaxErrors.Add(new ImportError(source.FileName, (int)node.Start.Line, name, "expected a value, a list of values or a mapping"));
                break;
        }
    }
}
