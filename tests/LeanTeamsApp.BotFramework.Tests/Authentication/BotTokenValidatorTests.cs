using LeanTeamsApp.BotFramework.Authentication;
using LeanTeamsApp.BotFramework.Tests.Authentication.Support;
using Microsoft.IdentityModel.Tokens;

namespace LeanTeamsApp.BotFramework.Tests.Authentication;

public sealed class BotTokenValidatorTests : IDisposable
{
    private readonly AuthenticationRig rig = new();

    public void Dispose() => rig.Dispose();

    [Fact]
    public async Task ValidateAsync_GenuineTeamsToken_SucceedsWithTokenClaims()
    {
        var result = await rig.ValidateAsync(rig.Bearer(TestKeys.Teams));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(200, result.StatusCode);
        Assert.False(result.IsAnonymous);
        Assert.Null(result.FailureReason);
        Assert.True(result.Identity.IsAuthenticated);
        Assert.Equal(BotTokenValidator.AuthenticationType, result.Identity.AuthenticationType);
        Assert.Equal(AuthenticationRig.AppId, result.Identity.FindFirst("aud")?.Value);
        Assert.Equal(AuthenticationRig.ServiceUrl, result.Identity.FindFirst(BotTokenValidator.ServiceUrlClaim)?.Value);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task ValidateAsync_OtherAllowedRsaAlgorithm_Succeeds(string algorithm)
    {
        var token = rig.Token(TestKeys.Teams.Credentials(algorithm));

        var result = await rig.ValidateAsync("Bearer " + token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task ValidateAsync_ExpiredLessThanClockSkewAgo_Succeeds()
    {
        var now = rig.Time.GetUtcNow().UtcDateTime;
        var header = rig.Bearer(TestKeys.Teams, d => (d.IssuedAt, d.NotBefore, d.Expires) = (now.AddMinutes(-64), now.AddMinutes(-64), now.AddMinutes(-4)));

        var result = await rig.ValidateAsync(header);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task ValidateAsync_NotBeforeLessThanClockSkewAhead_Succeeds()
    {
        var now = rig.Time.GetUtcNow().UtcDateTime;
        var header = rig.Bearer(TestKeys.Teams, d => (d.IssuedAt, d.NotBefore, d.Expires) = (now.AddMinutes(4), now.AddMinutes(4), now.AddMinutes(64)));

        var result = await rig.ValidateAsync(header);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task ValidateAsync_TokenValidWhenIssuedButClockMovedPastExpiry_IsRejected()
    {
        var header = rig.Bearer(TestKeys.Teams);
        Assert.True((await rig.ValidateAsync(header)).Succeeded);

        rig.Time.Advance(TimeSpan.FromMinutes(55) + TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var result = await rig.ValidateAsync(header);

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("expired", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_ZeroClockSkewConfigured_RejectsTokenExpiredAMinuteAgo()
    {
        rig.Options.ClockSkew = TimeSpan.Zero;
        var now = rig.Time.GetUtcNow().UtcDateTime;
        var header = rig.Bearer(TestKeys.Teams, d => (d.IssuedAt, d.NotBefore, d.Expires) = (now.AddMinutes(-61), now.AddMinutes(-61), now.AddMinutes(-1)));

        var result = await rig.ValidateAsync(header);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task ValidateAsync_ServiceUrlDiffersOnlyInCase_Succeeds()
    {
        var result = await rig.ValidateAsync(rig.Bearer(TestKeys.Teams), AuthenticationRig.ServiceUrl.ToUpperInvariant());

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/{0}/v2.0")]
    [InlineData("https://sts.windows.net/{0}/")]
    public async Task ValidateAsync_EntraTokenOfConfiguredTenant_SucceedsWithTenantKeys(string issuerFormat)
    {
        var issuer = string.Format(System.Globalization.CultureInfo.InvariantCulture, issuerFormat, AuthenticationRig.TenantId);

        var result = await rig.ValidateAsync(rig.Bearer(TestKeys.Tenant, d => d.Issuer = issuer));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(1, rig.Server.RequestCount(AuthenticationRig.TenantMetadata));
        Assert.Equal(0, rig.Server.RequestCount(AuthenticationRig.BotFrameworkMetadata));
    }

    [Fact]
    public async Task ValidateAsync_KeyRotatedInAfterFirstFetch_RefreshesOnceAndSucceeds()
    {
        Assert.True((await rig.ValidateAsync(rig.Bearer(TestKeys.Teams))).Succeeded);
        rig.Time.Advance(TimeSpan.FromMinutes(6));
        rig.Server.Publish(AuthenticationRig.BotFrameworkMetadata, TestKeys.NextTeams);

        var result = await rig.ValidateAsync(rig.Bearer(TestKeys.NextTeams));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, rig.Server.RequestCount(AuthenticationRig.BotFrameworkMetadata));
        Assert.Equal(2, rig.Server.RequestCount(AuthenticationRig.BotFrameworkJwks));
    }

    [Fact]
    public async Task ValidateAsync_UnknownKidsInQuickSuccession_RefreshAtMostOncePerFiveMinutes()
    {
        Assert.True((await rig.ValidateAsync(rig.Bearer(TestKeys.Teams))).Succeeded);
        rig.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(401, (await rig.ValidateAsync(rig.Bearer(TestKeys.Unpublished))).StatusCode);
        Assert.Equal(2, rig.Server.RequestCount(AuthenticationRig.BotFrameworkMetadata));

        rig.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(401, (await rig.ValidateAsync(rig.Bearer(TestKeys.Unpublished))).StatusCode);
        Assert.Equal(2, rig.Server.RequestCount(AuthenticationRig.BotFrameworkMetadata));

        rig.Time.Advance(TimeSpan.FromMinutes(1));
        rig.Server.Publish(AuthenticationRig.BotFrameworkMetadata, TestKeys.Unpublished);
        var result = await rig.ValidateAsync(rig.Bearer(TestKeys.Unpublished));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(3, rig.Server.RequestCount(AuthenticationRig.BotFrameworkMetadata));
    }

    [Fact]
    public async Task ValidateAsync_KnownKeyAfter24Hours_RefetchesKeys()
    {
        await rig.ValidateAsync(rig.Bearer(TestKeys.Teams));
        rig.Time.Advance(TimeSpan.FromHours(23));
        await rig.ValidateAsync(rig.Bearer(TestKeys.Teams));
        Assert.Equal(1, rig.Server.RequestCount(AuthenticationRig.BotFrameworkMetadata));

        rig.Time.Advance(TimeSpan.FromHours(1));
        var result = await rig.ValidateAsync(rig.Bearer(TestKeys.Teams));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, rig.Server.RequestCount(AuthenticationRig.BotFrameworkMetadata));
    }

    [Fact]
    public async Task ValidateAsync_ManyConcurrentFirstRequests_FetchKeysOnce()
    {
        var header = rig.Bearer(TestKeys.Teams);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => rig.ValidateAsync(header))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.FailureReason));
        Assert.Equal(1, rig.Server.RequestCount(AuthenticationRig.BotFrameworkMetadata));
    }

    [Theory]
    [InlineData(KeyEndpointFailure.Status503, "503")]
    [InlineData(KeyEndpointFailure.Refused, "Connection refused")]
    [InlineData(KeyEndpointFailure.Hangs, "Timeout")]
    [InlineData(KeyEndpointFailure.HtmlPage, "is an invalid start of a value")]
    public async Task ValidateAsync_KeyEndpointDownBeforeAnyFetch_Is503NamingTheKeysAndTheCause(KeyEndpointFailure failure, string cause)
    {
        rig.Server.Failure = failure;
        rig.Server.ClientTimeout = TimeSpan.FromMilliseconds(200);

        var result = await rig.ValidateAsync(rig.Bearer(TestKeys.Teams));

        Assert.False(result.Succeeded);
        Assert.Equal(503, result.StatusCode);
        Assert.StartsWith($"The signing keys could not be fetched from {AuthenticationRig.BotFrameworkMetadata}: ", result.FailureReason, StringComparison.Ordinal);
        Assert.Contains(cause, result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_KeyEndpointBackAfterAnOutage_FetchesAndSucceeds()
    {
        rig.Server.Unavailable = true;
        Assert.Equal(503, (await rig.ValidateAsync(rig.Bearer(TestKeys.Teams))).StatusCode);
        rig.Server.Unavailable = false;
        rig.Time.Advance(SigningKeySource.MinimumRefreshInterval);

        var result = await rig.ValidateAsync(rig.Bearer(TestKeys.Teams));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task ValidateAsync_KeyEndpointDownAtDailyRefresh_KeepsUsingFetchedKeys()
    {
        Assert.True((await rig.ValidateAsync(rig.Bearer(TestKeys.Teams))).Succeeded);
        rig.Server.Unavailable = true;
        rig.Time.Advance(TimeSpan.FromHours(25));

        var result = await rig.ValidateAsync(rig.Bearer(TestKeys.Teams));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, rig.Server.RequestCount(AuthenticationRig.BotFrameworkMetadata));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer not-a-jwt")]
    public async Task ValidateAsync_NoAppIdAndUnauthenticatedAllowed_SucceedsAnonymously(string? header)
    {
        rig.Options.AppId = null;
        rig.Options.AllowUnauthenticatedWhenNoAppId = true;

        var result = await rig.ValidateAsync(header);

        Assert.True(result.Succeeded);
        Assert.True(result.IsAnonymous);
        Assert.False(result.Identity.IsAuthenticated);
        Assert.Equal(0, rig.Server.RequestCount(AuthenticationRig.BotFrameworkMetadata));
    }

    [Fact]
    public async Task ValidateAsync_NoAppIdAndNoFlag_Returns401EvenForGenuineToken()
    {
        rig.Options.AppId = "";

        var result = await rig.ValidateAsync(rig.Bearer(TestKeys.Teams));

        Assert.False(result.Succeeded);
        Assert.Null(result.Identity);
        Assert.Equal(401, result.StatusCode);
        Assert.Contains("not configured", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_AppIdConfiguredAndUnauthenticatedAllowed_StillRequiresToken()
    {
        rig.Options.AllowUnauthenticatedWhenNoAppId = true;

        var result = await rig.ValidateAsync(null);

        Assert.False(result.Succeeded);
        Assert.False(result.IsAnonymous);
        Assert.Equal(401, result.StatusCode);
    }
}
