using System.Text.Json;
using System.Text.RegularExpressions;
using LeanTeamsApp.Features.Planning;
using LeanTeamsApp.Infrastructure.Errors;

namespace LeanTeamsApp.UnitTests.Errors;

/// <summary>
/// The tab words a problem by its code (src/Tab/src/shared/api/problemCodes.json lists them; problemCodes.test.ts
/// fails when a language lacks a text for one). These keep that list the service's, and every problem coded.
/// </summary>
public sealed partial class ProblemCodeTests
{
    [Fact]
    public void TabCodeList_IsEveryCodeTheServiceSends()
    {
        var sent = ProblemCode.All
            .Concat(Enum.GetValues<ChangeRefusal>().Select(r => JsonNamingPolicy.CamelCase.ConvertName(r.ToString())))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var listed = JsonSerializer.Deserialize<string[]>(File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Tab", "src", "shared", "api", "problemCodes.json")))!;

        Assert.True(ProblemCode.All.Count > 40, $"only {ProblemCode.All.Count} codes found");
        Assert.Equal(sent, listed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(400, "invalidField")]
    [InlineData(403, "forbidden")]
    [InlineData(404, "notFound")]
    [InlineData(409, "conflict")]
    [InlineData(412, "changedMeanwhile")]
    public void ForStatus_AProblemWithoutCode_GetsTheStatusOne(int status, string code) =>
        Assert.Equal(code, ProblemCode.ForStatus(status));

    /// <summary>A problem made with TypedResults.Problem has no code of its own; only the bot's endpoint, which the tab never calls, may.</summary>
    [Fact]
    public void ServiceSource_MakesEveryProblemWithItsCode()
    {
        var service = Path.Combine(RepositoryRoot(), "src", "LeanTeamsApp");
        var uncoded = Directory.EnumerateFiles(service, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith("MessagesEndpoint.cs", StringComparison.Ordinal)
                && !f.Contains($"Infrastructure{Path.DirectorySeparatorChar}Errors", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => UncodedProblem().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(service, x.f)}:{x.i + 1}")
            .ToList();

        Assert.Empty(uncoded);
    }

    [GeneratedRegex(@"(?:TypedResults|Results)\.(?:Problem|ValidationProblem|NotFound|Forbid|Conflict|BadRequest)\(")]
    private static partial Regex UncodedProblem();

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
