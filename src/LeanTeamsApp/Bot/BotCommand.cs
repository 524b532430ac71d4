namespace LeanTeamsApp.Bot;

/// <summary>A chat command's handler, registered by the feature that owns it.</summary>
public sealed record BotCommand(CommandKind Kind, Func<IServiceProvider, Turn, string, CancellationToken, Task> HandleAsync);
