namespace LeanTeamsApp.Infrastructure.Auth;

public sealed class TabAuthOptions
{
    public const string Section = "TabAuth";

    /// <summary>The Entra scope the tab's SSO token must carry (Expose an API in the app registration).</summary>
    public const string Scope = "access_as_user";

    /// <summary>
    /// Turns on the development sign-in (anyone may sign in as anyone of an organisation, without Entra). Honoured only
    /// when the environment is Development and no Entra app is configured, so a staging slot that merely lacks Entra
    /// settings stays closed. The local run command sets it.
    /// </summary>
    public bool DevelopmentSignIn { get; set; }
}
