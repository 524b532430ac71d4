using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LeanTeamsApp.Infrastructure.Storage;

/// <summary>
/// The person whose data is asked for or erased, by every string that points them out in a stored row: their id
/// (the e-mail address), their Entra object id, any other stand-in for them (the pseudonym log lines and outbox
/// keys use), and their full name. A row mentions them when any of its strings holds one of these, JSON strings included, since several
/// stores keep a whole record as JSON (where "ø" is written \u00f8, so the raw text would not show the name).
/// </summary>
public sealed class DataSubject
{
    /// <summary>
    /// What an erased person becomes in the records the organisation keeps. Neutral and stored as is, so that it
    /// reads the same in every language's data; what shows it words it in the reader's language.
    /// </summary>
    public const string FormerEmployee = "former-employee";

    private readonly string[] _identifiers;
    private readonly Regex? _name;

    public DataSubject(string tenantId, string personId, string? name, string? aadObjectId, params string[] otherIdentifiers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentNullException.ThrowIfNull(otherIdentifiers);
        TenantId = tenantId;
        PersonId = personId.Trim().ToLowerInvariant();
        Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        AadObjectId = string.IsNullOrWhiteSpace(aadObjectId) ? null : aadObjectId.Trim();
        _identifiers = [.. new[] { PersonId, AadObjectId }.Concat(otherIdentifiers).OfType<string>().Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

        // A single first name ("Per") is also an ordinary word in Swedish and Norwegian ("två per vecka"): only a full
        // name is looked for inside a longer text; a lone name only as a whole value.
        if (Name is { } full && full.Contains(' ', StringComparison.Ordinal))
        {
            _name = new Regex(@"(?<![\p{L}\p{N}])" + Regex.Escape(full) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }

    public string TenantId { get; }

    public string PersonId { get; }

    public string? Name { get; }

    public string? AadObjectId { get; }

    /// <summary>True when <paramref name="value"/> points this person out.</summary>
    public bool Mentions(string? value) => value is not null && Rewrite(value, out _);

    /// <summary><paramref name="value"/> with this person replaced by <see cref="FormerEmployee"/>; the same string when it does not mention them.</summary>
    public string Anonymise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Rewrite(value, out var rewritten) ? rewritten : value;
    }

    private bool Rewrite(string value, out string rewritten)
    {
        if (LooksLikeJson(value) && TryParse(value) is { } node)
        {
            var changed = RewriteNode(node, out var replacement);
            rewritten = changed ? (replacement ?? node).ToJsonString() : value;
            return changed;
        }

        rewritten = RewritePlain(value);
        return !ReferenceEquals(rewritten, value) && !string.Equals(rewritten, value, StringComparison.Ordinal);
    }

    private string RewritePlain(string value)
    {
        if (Name is { } whole && string.Equals(value.Trim(), whole, StringComparison.OrdinalIgnoreCase))
        {
            return FormerEmployee;
        }

        var result = value;
        foreach (var id in _identifiers)
        {
            if (result.Contains(id, StringComparison.OrdinalIgnoreCase))
            {
                result = result.Replace(id, FormerEmployee, StringComparison.OrdinalIgnoreCase);
            }
        }

        return _name is null ? result : _name.Replace(result, FormerEmployee);
    }

    /// <summary>Rewrites the strings inside <paramref name="node"/>; a bare string value comes back as <paramref name="replacement"/>.</summary>
    private bool RewriteNode(JsonNode? node, out JsonNode? replacement)
    {
        replacement = null;
        switch (node)
        {
            case JsonObject obj:
                var changed = false;
                foreach (var (key, child) in obj.ToList())
                {
                    var newKey = Rewrite(key, out var k) ? k : key;
                    var childChanged = RewriteNode(child, out var newChild);
                    if (newKey != key)
                    {
                        obj.Remove(key);
                        obj[newKey] = newChild ?? child?.DeepClone();
                        changed = true;
                    }
                    else if (newChild is not null)
                    {
                        obj[key] = newChild;
                    }

                    changed |= childChanged;
                }

                return changed;
            case JsonArray array:
                var any = false;
                for (var i = 0; i < array.Count; i++)
                {
                    if (RewriteNode(array[i], out var item))
                    {
                        any = true;
                        if (item is not null)
                        {
                            array[i] = item;
                        }
                    }
                }

                return any;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                if (Rewrite(text, out var newText))
                {
                    replacement = JsonValue.Create(newText);
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    private static bool LooksLikeJson(string value)
    {
        var trimmed = value.AsSpan().TrimStart();
        return trimmed.Length > 1 && trimmed[0] is '{' or '[';
    }

    private static JsonNode? TryParse(string value)
    {
        try
        {
            return JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
