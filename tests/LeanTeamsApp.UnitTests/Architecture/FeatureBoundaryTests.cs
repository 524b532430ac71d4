using System.Text;
using System.Text.RegularExpressions;

namespace LeanTeamsApp.UnitTests.Architecture;

/// <summary>
/// Reads the service's source (its using lines and the names it qualifies) and holds the folders to the layout the
/// README's Layout section draws: no cycle between folders; Bot, Infrastructure and the shared bases (Calendar,
/// Organisation, Board) use no other feature; and no feature uses another feature's store: it reads what that feature
/// publishes (CheckInHistory, UnitWeeks, YearWheel, FollowUps) or subscribes to what it announces.
/// </summary>
public sealed partial class FeatureBoundaryTests
{
    /// <summary>Data every feature may read and build on; they depend on no feature themselves.</summary>
    private static readonly HashSet<string> Bases = new(StringComparer.Ordinal) { "Features/Calendar", "Features/Organisation", "Features/Board" };

    /// <summary>
    /// Demo writes ten weeks of made-up history straight into the features' tables on purpose, for the local run
    /// command; nothing depends on it. It is held to the cycle rule, not to the store rule.
    /// </summary>
    private static readonly HashSet<string> WritesOthersStoresOnPurpose = new(StringComparer.Ordinal) { "Features/Demo" };

    private static readonly Lazy<Source> Code = new(Source.Read);

    [Fact]
    public void Folders_UsingsAndQualifiedNames_FormNoCycle()
    {
        var cycles = Code.Value.Cycles();

        Assert.True(cycles.Count == 0, "Folders that depend on each other:\n" + string.Join("\n", cycles));
        Assert.Contains("Features/CheckIns", Code.Value.Edges.Keys);
    }

    [Fact]
    public void BotInfrastructureAndBases_UseNoFeatureThatIsNotABase()
    {
        var wrong = Code.Value.Edges
            .Where(e => e.Key == "Bot" || e.Key.StartsWith("Infrastructure/", StringComparison.Ordinal) || Bases.Contains(e.Key))
            .SelectMany(e => e.Value.Where(to => to.Key.StartsWith("Features/", StringComparison.Ordinal) && !Bases.Contains(to.Key))
                .Select(to => $"{e.Key} uses {to.Key} ({to.Value})"))
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Features_NeverUseAnotherFeaturesStore()
    {
        var stores = Code.Value.Types
            .Where(t => t.Key.StartsWith("Features/", StringComparison.Ordinal) && !Bases.Contains(t.Key))
            .SelectMany(t => t.Value.Where(name => name.EndsWith("Store", StringComparison.Ordinal)).Select(name => (Owner: t.Key, Store: name)))
            .ToList();
        var wrong = new List<string>();
        foreach (var file in Code.Value.Files.Where(f => !WritesOthersStoresOnPurpose.Contains(f.Folder)))
        {
            foreach (var (owner, store) in stores.Where(s => s.Owner != file.Folder && Regex.IsMatch(file.Code, $@"\b{s.Store}\b")))
            {
                wrong.Add($"{file.Path} uses {store} of {owner}");
            }
        }

        Assert.NotEmpty(stores);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>The service's C# files by top folder (Bot, Features/X, Infrastructure/X), and which folders each uses.</summary>
    private sealed partial class Source
    {
        public required IReadOnlyList<(string Path, string Folder, string Code)> Files { get; init; }

        /// <summary>Folder to the folders it uses, each with one file that shows it.</summary>
        public required IReadOnlyDictionary<string, Dictionary<string, string>> Edges { get; init; }

        /// <summary>Folder to the types declared in it.</summary>
        public required IReadOnlyDictionary<string, HashSet<string>> Types { get; init; }

        public static Source Read()
        {
            var root = Path.Combine(RepositoryRoot(), "src", "LeanTeamsApp");
            var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
                .Where(p => !p.StartsWith("bin/", StringComparison.Ordinal) && !p.StartsWith("obj/", StringComparison.Ordinal) && FolderOf(p) is not null)
                .Select(p => (Path: p, Folder: FolderOf(p)!, Text: File.ReadAllText(Path.Combine(root, p))))
                .ToList();
            var folders = files.Select(f => f.Folder).ToHashSet(StringComparer.Ordinal);
            var types = files.GroupBy(f => f.Folder, StringComparer.Ordinal).ToDictionary(
                g => g.Key,
                g => g.SelectMany(f => Declaration().Matches(CodeOnly(f.Text)).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal),
                StringComparer.Ordinal);
            var edges = folders.ToDictionary(f => f, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
            var coded = new List<(string, string, string)>();
            foreach (var (path, folder, text) in files)
            {
                var code = CodeOnly(text);
                coded.Add((path, folder, code));
                var used = new HashSet<string>(StringComparer.Ordinal);
                foreach (Match m in UsingLine().Matches(text))
                {
                    used.Add(FolderOfNamespace(m.Groups[1].Value));
                }

                foreach (Match m in Qualified().Matches(code))
                {
                    used.Add(FolderOfNamespace(m.Groups[1].Value));
                }

                // Inside LeanTeamsApp.Features.X, "Improvements.ImprovementStore" means LeanTeamsApp.Features.Improvements.
                var parent = folder.Contains('/', StringComparison.Ordinal) ? folder[..folder.IndexOf('/', StringComparison.Ordinal)] : null;
                if (parent is not null)
                {
                    foreach (Match m in Dotted().Matches(code))
                    {
                        var sibling = $"{parent}/{m.Groups[1].Value}";
                        if (types.TryGetValue(sibling, out var declared) && declared.Contains(m.Groups[2].Value))
                        {
                            used.Add(sibling);
                        }
                    }
                }

                foreach (var to in used.Where(u => u != folder && folders.Contains(u)))
                {
                    edges[folder].TryAdd(to, path);
                }
            }

            return new Source { Files = coded, Edges = edges, Types = types };
        }

        /// <summary>Every cycle between folders, as its folders and the file that makes each step.</summary>
        public List<string> Cycles()
        {
            var index = 0;
            var indices = new Dictionary<string, int>(StringComparer.Ordinal);
            var low = new Dictionary<string, int>(StringComparer.Ordinal);
            var stack = new Stack<string>();
            var found = new List<string>();
            void Visit(string node)
            {
                indices[node] = low[node] = index++;
                stack.Push(node);
                foreach (var next in Edges[node].Keys)
                {
                    if (!indices.TryGetValue(next, out var seen))
                    {
                        Visit(next);
                        low[node] = Math.Min(low[node], low[next]);
                    }
                    else if (stack.Contains(next))
                    {
                        low[node] = Math.Min(low[node], seen);
                    }
                }

                if (low[node] == indices[node])
                {
                    var component = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        component.Add(member);
                    }
                    while (member != node);
                    if (component.Count > 1)
                    {
                        var steps = component.SelectMany(from => Edges[from].Where(e => component.Contains(e.Key)).Select(e => $"  {from} -> {e.Key} ({e.Value})"));
                        found.Add(string.Join(", ", component.Order(StringComparer.Ordinal)) + ":\n" + string.Join("\n", steps));
                    }
                }
            }

            foreach (var node in Edges.Keys.Order(StringComparer.Ordinal).Where(n => !indices.ContainsKey(n)))
            {
                Visit(node);
            }

            return found;
        }

        private static string? FolderOf(string path)
        {
            var parts = path.Split('/');
            return parts.Length switch
            {
                > 1 when parts[0] == "Bot" => "Bot",
                > 2 when parts[0] is "Features" or "Infrastructure" => $"{parts[0]}/{parts[1]}",
                _ => null,
            };
        }

        private static string FolderOfNamespace(string ns)
        {
            var parts = ns.Split('.');
            return parts[0] is "Features" or "Infrastructure" && parts.Length > 1 ? $"{parts[0]}/{parts[1]}" : parts[0];
        }

        private static string RepositoryRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LeanTeamsApp.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("LeanTeamsApp.sln not found above " + AppContext.BaseDirectory);
        }

        /// <summary>The text with comments, strings and characters blanked, so that only code names what it uses.</summary>
        private static string CodeOnly(string text)
        {
            var code = new StringBuilder(text.Length);
            var i = 0;
            while (i < text.Length)
            {
                if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
                {
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }
                }
                else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? text.Length : end + 2;
                }
                else if (text[i] == '\'')
                {
                    i++;
                    while (i < text.Length && text[i] != '\'')
                    {
                        i += text[i] == '\\' ? 2 : 1;
                    }

                    i++;
                    code.Append("' '");
                }
                else if (text[i] == '"' || (text[i] is '@' or '$' && StringStarts(text, i)))
                {
                    i = SkipString(text, i);
                    code.Append("\"\"");
                }
                else
                {
                    code.Append(text[i]);
                    i++;
                }
            }

            return code.ToString();
        }

        private static bool StringStarts(string text, int i)
        {
            while (i < text.Length && text[i] is '@' or '$')
            {
                i++;
            }

            return i < text.Length && text[i] == '"';
        }

        private static int SkipString(string text, int i)
        {
            var verbatim = false;
            while (text[i] is '@' or '$')
            {
                verbatim |= text[i] == '@';
                i++;
            }

            var quotes = 0;
            while (i + quotes < text.Length && text[i + quotes] == '"')
            {
                quotes++;
            }

            if (quotes >= 3)
            {
                var end = text.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
                return end < 0 ? text.Length : end + quotes;
            }

            if (quotes == 2)
            {
                return i + 2;
            }

            i++;
            while (i < text.Length)
            {
                if (!verbatim && text[i] == '\\')
                {
                    i += 2;
                }
                else if (text[i] == '"' && verbatim && i + 1 < text.Length && text[i + 1] == '"')
                {
                    i += 2;
                }
                else if (text[i] == '"')
                {
                    return i + 1;
                }
                else
                {
                    i++;
                }
            }

            return i;
        }

        [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?LeanTeamsApp\.([\w.]+)\s*;", RegexOptions.Multiline)]
        private static partial Regex UsingLine();

        [GeneratedRegex(@"(?<![\w.])(?:global::)?(?:LeanTeamsApp\.)?(Bot|Features\.[A-Z]\w*|Infrastructure\.[A-Z]\w*)\.[A-Z]")]
        private static partial Regex Qualified();

        [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.([A-Z]\w*)")]
        private static partial Regex Dotted();

        [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+([A-Z]\w*)")]
        private static partial Regex Declaration();
    }
}
