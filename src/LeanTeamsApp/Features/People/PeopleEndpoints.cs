using System.Globalization;
using System.Net.Http.Headers;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Infrastructure.Access;
using LeanTeamsApp.Infrastructure.Errors;
using LeanTeamsApp.Infrastructure.Graph;
using LeanTeamsApp.Infrastructure.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LeanTeamsApp.Features.People;

/// <summary>
/// One person to pick. <paramref name="Email"/> is how the organisation names people (their UPN or e-mail, lower
/// case); <paramref name="InOrganisation"/> says whether the organisation knows them already, so a form can say that
/// picking someone else adds them.
/// </summary>
public sealed record PersonChoiceDto(string Email, string Name, string? JobTitle, bool InOrganisation);

/// <param name="FromDirectory">True when the tenant's directory was searched; false when only the organisation's own people were.</param>
public sealed record PeopleDto(IReadOnlyList<PersonChoiceDto> People, bool FromDirectory);

/// <summary>The people picker's search, under /api/tab/people (docs/tab-api.md).</summary>
public static class PeopleEndpoints
{
    /// <summary>A picker shows a handful; more would only be scrolled past.</summary>
    public const int MaxResults = 10;

    /// <summary>Long enough for any e-mail address, which is the longest thing anyone types here.</summary>
    public const int MaxQueryLength = Person.MaxIdLength;

    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        app.MapTabGroup("/api/tab/people").MapGet("/", SearchAsync).ProducesProblems(400, 403, 502, 503);
        return app;
    }

    private static async Task<Results<Ok<PeopleDto>, ProblemHttpResult>> SearchAsync(
        [FromQuery] string? q, HttpContext http, TabCaller caller, AccessRule access, IGraphDirectory directory, OrganisationStore organisation,
        CancellationToken cancellationToken)
    {
        // Picking people is for whoever names them somewhere: the coordinator for the organisation, a service-area
        // leader or unit leader for their own units. The check is against any unit, since the picker is opened before
        // the form says which.
        var mayPick = caller.AllUnits.Any(u => AccessRule.Allows(caller.Caller, Permission.PickPeople, AccessTarget.ForUnit(u)))
            || access.Check(caller.Caller, Permission.PickPeople, AccessTarget.Organisation, "GET people");
        if (!mayPick)
        {
            return ApiProblem.Of(ProblemCode.PeopleSearchForbidden,
                "Searching for people is for the Lean coordinator, service-area leaders and unit leaders.", title: "Not allowed", statusCode: StatusCodes.Status403Forbidden);
        }

        var query = (q ?? "").Trim();
        if (query.Length == 0)
        {
            return FieldProblem.For("q", FieldProblemTexts.For(caller.Language).SearchEmpty);
        }

        if (query.Length > MaxQueryLength)
        {
            return FieldProblem.For("q", FieldProblemTexts.For(caller.Language).SearchTooLong(MaxQueryLength));
        }

        if (query.Any(char.IsControl))
        {
            return FieldProblem.For("q", FieldProblemTexts.For(caller.Language).SearchCharacters);
        }

        var people = await organisation.ListPeopleAsync(caller.TenantId, cancellationToken);
        var known = people.Where(p => !p.Removed).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var found = await directory.SearchPeopleAsync(caller.TenantId, query, MaxResults, BearerToken(http), cancellationToken);
        return found.Status switch
        {
            DirectorySearchStatus.Succeeded => TypedResults.Ok(new PeopleDto(FromDirectory(found.People, known), FromDirectory: true)),
            DirectorySearchStatus.NotConfigured => TypedResults.Ok(new PeopleDto(FromOrganisation(people, query), FromDirectory: false)),
            DirectorySearchStatus.Throttled => Throttled(http, found.RetryAfter),
            DirectorySearchStatus.Forbidden => ApiProblem.Of(ProblemCode.DirectoryRefused,
                "The directory refused the search: LeanTeamsApp may not read it yet (an administrator grants consent), or your sign-in has expired. Reload the tab, or type the person's e-mail address.",
                title: "Directory refused", statusCode: StatusCodes.Status502BadGateway),
            _ => ApiProblem.Of(ProblemCode.DirectoryUnavailable,
                "The directory did not answer. Try again in a moment, or type the person's e-mail address.", title: "Directory unavailable", statusCode: StatusCodes.Status502BadGateway),
        };
    }

    /// <summary>Graph's people as the organisation names them: by e-mail, or by UPN for someone without a mailbox.</summary>
    private static List<PersonChoiceDto> FromDirectory(IReadOnlyList<DirectoryPerson> found, HashSet<string> known)
    {
        var choices = new List<PersonChoiceDto>();
        foreach (var person in found)
        {
            if ((person.Mail ?? person.UserPrincipalName) is { } address && !string.IsNullOrWhiteSpace(address)
                && Person.NormaliseId(address) is var email && choices.TrueForAll(c => c.Email != email))
            {
                choices.Add(new PersonChoiceDto(email, person.DisplayName, person.JobTitle, known.Contains(email)));
            }
        }

        return [.. choices.Take(MaxResults)];
    }

    /// <summary>
    /// Without Graph: the organisation's people whose name (or a word of it) or e-mail address begins with the query,
    /// removed people left out; and a well-formed e-mail address nobody has yet, offered as a new person.
    /// </summary>
    private static List<PersonChoiceDto> FromOrganisation(IReadOnlyList<Person> people, string query)
    {
        var matches = people
            .Where(p => !p.Removed && Matches(p, query))
            .OrderBy(p => p.Name, StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true))
            .Take(MaxResults)
            .Select(p => new PersonChoiceDto(p.Id, p.Name, null, InOrganisation: true))
            .ToList();
        var email = Person.NormaliseId(query);
        if (Ids.Email().IsMatch(email) && !people.Any(p => p.Id == email))
        {
            matches.Insert(0, new PersonChoiceDto(email, email, null, InOrganisation: false));
        }

        return matches;
    }

    private static bool Matches(Person person, string query) =>
        person.Id.StartsWith(query, StringComparison.OrdinalIgnoreCase)
        || person.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase)
        || person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => w.StartsWith(query, StringComparison.OrdinalIgnoreCase));

    private static ProblemHttpResult Throttled(HttpContext http, TimeSpan? retryAfter)
    {
        var seconds = (int)Math.Ceiling((retryAfter ?? TimeSpan.FromSeconds(10)).TotalSeconds);
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblem.Of(ProblemCode.DirectoryBusy,
            $"The directory is busy. Try again in {seconds} seconds.", title: "Directory busy", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>The tab's SSO token as it came in: the on-behalf-of exchange needs the very token, not its claims.</summary>
    private static string? BearerToken(HttpContext http) =>
        AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
        && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            ? header.Parameter
            : null;
}
