using LeanTeamsApp.BotFramework.Activities;
using LeanTeamsApp.Infrastructure.Access;

namespace LeanTeamsApp.Bot;

/// <summary>
/// A dataset a card's typeahead drop-down searches (<c>choices.data</c>), registered by the feature whose card names
/// it. The dispatcher asks the access rule for <see cref="Permission"/> on the organisation before the search runs,
/// and pages what it finds; the search returns every match in the caller's tenant, in the order to show them.
/// </summary>
public sealed record BotSearch(string Dataset, Permission Permission, Func<IServiceProvider, Turn, string, CancellationToken, Task<IReadOnlyList<SearchResult>>> FindAsync);
