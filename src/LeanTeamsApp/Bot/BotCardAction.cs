using System.Text.Json.Nodes;
using LeanTeamsApp.BotFramework.Activities;

namespace LeanTeamsApp.Bot;

/// <summary>A card action's handler by verb (Action.Execute), registered by the feature whose card it is.</summary>
public sealed record BotCardAction(string Verb, Func<IServiceProvider, Turn, JsonObject, CancellationToken, Task<AdaptiveCardInvokeResponse>> HandleAsync);
