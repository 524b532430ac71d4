using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LeanTeamsApp.Infrastructure.Cards;

/// <summary>
/// Writes text so that Teams' Markdown shows it as typed. Someone who names an improvement
/// "[Les mer](https://example.com)" must not turn the unit's card into a link that hides where it goes, and
/// "Tiltak_1_og_2" must not turn italic. Markdown (CommonMark) treats a backslash before ASCII punctuation as that
/// character itself, so the characters that start emphasis, links, code and HTML are escaped anywhere, and the ones
/// that start headings, lists and quotes at the start of a line. The app's own texts use no Markdown.
/// </summary>
public static class PlainText
{
    private const string Anywhere = "\\[]*_~`<>";

    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Anywhere.Contains(c, StringComparison.Ordinal)
                || (lineStart && c is '#' or '-' or '+' or '=' or '|')
                || (c == '.' && IsOrderedListMarker(text, i)))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
            lineStart = c is '\n' or '\r' || (lineStart && c == ' ');
        }

        return escaped.ToString();
    }

    /// <summary>The dot of "12." at the start of a line, which would make the line an ordered list item.</summary>
    private static bool IsOrderedListMarker(string text, int dot)
    {
        var start = dot;
        while (start > 0 && char.IsAsciiDigit(text[start - 1]))
        {
            start--;
        }

        if (start == dot)
        {
            return false;
        }

        while (start > 0 && text[start - 1] == ' ')
        {
            start--;
        }

        return start == 0 || text[start - 1] is '\n' or '\r';
    }
}

/// <summary>Serialises a card's text property through <see cref="PlainText.Escape"/>.</summary>
public sealed class PlainTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(PlainText.Escape(value));
    }
}
