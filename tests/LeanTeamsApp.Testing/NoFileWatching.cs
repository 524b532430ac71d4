namespace LeanTeamsApp.Testing;

/// <summary>
/// A test process starts dozens of hosts, and each would watch its appsettings files for changes with an inotify
/// instance of its own; Linux allows 128 per user, shared with every other process on the machine, so a busy machine
/// runs out and a host fails to start. Tests never change those files: the hosts they start do not watch them.
/// </summary>
public static class NoFileWatching
{
    public static void Apply() => Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
}
