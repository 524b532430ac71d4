using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LeanTeamsApp.Features.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// Key for the download links the bot posts (base64, at least 32 bytes). Every instance must share it; without
    /// one, each process makes its own and its links work only on that process, which is enough for a local run.
    /// </summary>
    public string? LinkKey { get; set; }

    /// <summary>How long a posted download link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The service's public address for links; without it, the address the bot was called on is used.</summary>
    public Uri? PublicUrl { get; set; }
}

/// <summary>
/// Download links for a report that work without a sign-in, because a card's button opens a plain browser tab:
/// the tenant, period, format, scope and expiry are signed with HMAC-SHA256, so a link cannot be altered or reused
/// for another tenant or after it expires. The scope is a list of service-area ids, never a person: links end up in
/// browser histories, proxies and server logs.
/// </summary>
public sealed class ReportLinks(IOptions<ReportOptions> options, TimeProvider time)
{
    private readonly byte[] _key = options.Value.LinkKey is { Length: > 0 } configured ? Convert.FromBase64String(configured) : RandomNumberGenerator.GetBytes(32);

    /// <summary>A link to the file; <paramref name="language"/> (en, nb, sv) names its columns and is not signed.</summary>
    public Uri Create(Uri baseUrl, string tenantId, ReportPeriod period, string format, ReportScope scope, string language)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(scope);
        var expires = (time.GetUtcNow() + options.Value.LinkLifetime).ToUnixTimeSeconds();
        var signature = Sign(tenantId, period.ToString(), format, scope, expires);
        var areas = scope.AreaIds is { } ids ? $"&areas={Uri.EscapeDataString(string.Join(',', ids))}" : "";
        var query = $"expires={expires.ToString(CultureInfo.InvariantCulture)}&sig={signature}{areas}&lang={Uri.EscapeDataString(language)}";
        return new Uri(baseUrl, $"/api/reports/{Uri.EscapeDataString(tenantId)}/{period}.{format}?{query}");
    }

    /// <summary>The scope a link's <c>areas</c> parameter names: absent for the whole organisation.</summary>
    public static ReportScope ScopeOf(string? areas) =>
        areas is null ? ReportScope.Organisation : ReportScope.Areas(areas.Split(',', StringSplitOptions.RemoveEmptyEntries));

    public bool IsValid(string tenantId, string period, string format, ReportScope scope, long expires, string? signature) =>
        signature is not null
        // Compared as numbers: any long is a valid query value, and a date past year 9999 would not convert.
        && expires > time.GetUtcNow().ToUnixTimeSeconds()
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(tenantId, period, format, scope, expires)), Encoding.ASCII.GetBytes(signature));

    public int LifetimeHours => (int)options.Value.LinkLifetime.TotalHours;

    private string Sign(string tenantId, string period, string format, ReportScope scope, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{tenantId}|{period}|{format}|{scope}|{expires}"))));
}
