using System.Collections;
using System.Reflection;
using System.Text.Json;
using LeanTeamsApp.Bot;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Terms;

namespace LeanTeamsApp.UnitTests.Terms;

/// <summary>
/// Every text the service can say, in every language, against the glossary: a word it refuses (shared/GLOSSARY.md and
/// the language review) fails here, with the word to use instead. The texts are found by reflection (every text
/// table's <c>For(Language)</c> and every command's help), so a new table or text is covered without a change here.
/// </summary>
public sealed class GlossaryTests
{
    private static readonly string[] GlossaryLanguages = ["nb", "nn", "sv", "en"];

    [Fact]
    public void Glossary_EveryConcept_HasAWordInEveryLanguage()
    {
        var missing = Glossary.Concepts
            .SelectMany(c => GlossaryLanguages.Except(Glossary.LanguagesOf(c)).Select(l => $"{c}: {l}"))
            .ToList();

        Assert.NotEmpty(Glossary.Concepts);
        Assert.Empty(missing);
    }

    [Fact]
    public void AvoidedIn_WholeWordsOnly_RefusesTheWordAndNotALongerOne()
    {
        Assert.Contains(Glossary.AvoidedIn("Tavlemøter ventet", Language.Nb), w => w.Word == "ventet");
        Assert.Empty(Glossary.AvoidedIn("Tavlemøter forventet", Language.Nb));
        Assert.Contains(Glossary.AvoidedIn("Välj verksamhet", Language.Sv), w => w.Word == "verksamhet");
        Assert.Empty(Glossary.AvoidedIn("verksamhetsområdeschef och verksamhetsutvecklare", Language.Sv));
    }

    [Fact]
    public void ServiceTexts_InEveryLanguage_UseNoWordTheGlossaryAvoids()
    {
        var found = new List<string>();
        var scanned = 0;
        foreach (var language in Enum.GetValues<Language>())
        {
            foreach (var (where, text) in ServiceTexts(language))
            {
                scanned++;
                found.AddRange(Glossary.AvoidedIn(text, language).Select(w => $"{where} ({Glossary.Key(language)}): «{w.Word}» -> «{w.Use}» in «{text}»"));
            }
        }

        // Reflection that finds nothing would pass; the service has well over a thousand texts across its languages.
        Assert.True(scanned > 1_000, $"only {scanned} texts found");
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found.Distinct()));
    }

    [Fact]
    public void ManifestFiles_InTheirLanguage_UseNoWordTheGlossaryAvoids()
    {
        var manifest = Path.Combine(RepositoryRoot(), "manifest");
        var files = new Dictionary<string, string> { ["manifest.json"] = "en", ["nb.json"] = "nb", ["sv.json"] = "sv", ["nn.json"] = "nn" };
        var found = new List<string>();
        var scanned = 0;
        foreach (var (file, language) in files.Where(f => File.Exists(Path.Combine(manifest, f.Key))))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(manifest, file)));
            foreach (var text in Strings(document.RootElement))
            {
                scanned++;
                found.AddRange(Glossary.AvoidedIn(text, language).Select(w => $"{file}: «{w.Word}» -> «{w.Use}» in «{text}»"));
            }
        }

        Assert.True(scanned > 50, $"only {scanned} manifest texts found");
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found.Distinct()));
    }

    [Fact]
    public void StageNames_AreTheGlossarysWords()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            Assert.Equal(Glossary.Label("stage.inProgress", language), Features.Board.StageNames.For(language)[Features.Board.ImprovementStage.InProgress]);
        }

        Assert.Equal("Pågår", Features.Board.StageNames.For(Language.Nb)[Features.Board.ImprovementStage.InProgress]);
    }

    internal static IEnumerable<(string Where, string Text)> ServiceTexts(Language language)
    {
        var assembly = typeof(BotTexts).Assembly;
        foreach (var type in assembly.GetTypes())
        {
            var forLanguage = type.GetMethod("For", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(Language)]);
            if (forLanguage is not null && forLanguage.ReturnType != typeof(void) && !type.IsGenericTypeDefinition)
            {
                foreach (var text in Walk(forLanguage.Invoke(null, [language]), type.Name, depth: 0))
                {
                    yield return text;
                }
            }

            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static).Where(f => f.FieldType == typeof(CommandText)))
            {
                if (field.GetValue(null) is CommandText command && command.Help.TryGetValue(language, out var help))
                {
                    yield return ($"{type.Name}.{field.Name}", help.Usage);
                    yield return ($"{type.Name}.{field.Name}", help.Description);
                }
            }
        }
    }

    private static IEnumerable<(string Where, string Text)> Walk(object? value, string where, int depth)
    {
        switch (value)
        {
            case null or Language:
                yield break;
            case string text:
                yield return (where, text);
                yield break;
            case Delegate function:
                // Once with one of everything and once with two: "1 nye" is a mistake only the first call shows.
                foreach (var count in new[] { 1, 2 })
                {
                    foreach (var text in Walk(Call(function, count), where, depth + 1))
                    {
                        yield return text;
                    }
                }

                yield break;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    foreach (var text in Walk(entry.Value, $"{where}[{entry.Key}]", depth + 1))
                    {
                        yield return text;
                    }
                }

                yield break;
            case IEnumerable items:
                foreach (var item in items)
                {
                    foreach (var text in Walk(item, where, depth + 1))
                    {
                        yield return text;
                    }
                }

                yield break;
        }

        if (depth > 3 || value.GetType().Assembly != typeof(BotTexts).Assembly)
        {
            yield break;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            foreach (var text in Walk(property.GetValue(value), $"{where}.{property.Name}", depth + 1))
            {
                yield return text;
            }
        }
    }

    /// <summary>Calls a text function with plausible arguments; one it cannot call is left out (counted by the caller).</summary>
    private static object? Call(Delegate function, int count)
    {
        var parameters = function.Method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            if (!TrySample(parameters[i].ParameterType, count, out arguments[i]))
            {
                return null;
            }
        }

        try
        {
            return function.DynamicInvoke(arguments);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }

    private static bool TrySample(Type type, int count, out object? sample)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        sample = underlying switch
        {
            _ when underlying == typeof(string) => "Byggesak",
            _ when underlying == typeof(int) => count,
            _ when underlying == typeof(long) => (long)count,
            _ when underlying == typeof(double) => 2.5,
            _ when underlying == typeof(decimal) => 2.5m,
            _ when underlying == typeof(bool) => true,
            _ when underlying == typeof(DateOnly) => new DateOnly(2026, 12, 16),
            _ when underlying == typeof(TimeOnly) => new TimeOnly(9, 30),
            _ when underlying == typeof(DateTimeOffset) => new DateTimeOffset(2026, 12, 16, 9, 30, 0, TimeSpan.Zero),
            _ when underlying == typeof(DayOfWeek) => DayOfWeek.Wednesday,
            _ when underlying.IsEnum => Enum.GetValues(underlying).GetValue(0),
            _ when underlying.IsAssignableFrom(typeof(string[])) => new[] { "Byggesak", "Barnevern" },
            _ when underlying.IsAssignableFrom(typeof(List<string>)) => new List<string> { "Byggesak", "Barnevern" },
            _ => null,
        };
        return sample is not null;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().Where(p => !p.Name.StartsWith('$') && p.Name is not ("id" or "version" or "manifestVersion" or "packageName" or "websiteUrl" or "privacyUrl" or "termsOfUseUrl" or "contentUrl" or "configurationUrl" or "file" or "languageTag")).SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LeanTeamsApp.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root (LeanTeamsApp.sln) is not above the test's folder.");
    }
}
