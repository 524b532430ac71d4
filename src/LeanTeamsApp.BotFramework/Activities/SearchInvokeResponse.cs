namespace LeanTeamsApp.BotFramework.Activities;

/// <summary>
/// The body of the answer to an <see cref="InvokeNames.Search"/> invoke: the choices the typeahead drop-down shows,
/// each a title to read and the value the card's input then holds. A failure is answered like a card action's
/// (<see cref="AdaptiveCardInvokeResponse.Error"/>), with the same error body.
/// </summary>
public sealed record SearchInvokeResponse(string Type, SearchResults Value)
{
    public const string ResponseType = "application/vnd.microsoft.search.searchResponse";

    /// <summary>Teams shows at most this many choices in the drop-down, so a page is never longer.</summary>
    public const int MaxResults = 15;

    public static SearchInvokeResponse Of(IEnumerable<SearchResult> results) => new(ResponseType, new SearchResults([.. results]));

    public InvokeResponse ToInvokeResponse() => new(200, this);
}

public sealed record SearchResults(IReadOnlyList<SearchResult> Results);

public sealed record SearchResult(string Title, string Value);
