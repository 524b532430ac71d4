using System.Buffers;
using System.Globalization;
using System.Text;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// An import file's bytes as text. The encoding is decided here, strictly, because a lenient decoder is how "æøå"
/// became "�" in a Windows-1252 sheet: UTF-8 with or without a byte-order mark and UTF-16 with one are read as such;
/// a units sheet that is not UTF-8 is read as Windows-1252 (what Excel's plain "CSV" writes on Nordic Windows); an
/// organisation file that is not UTF-8 is refused, since YAML files are UTF-8 by definition.
/// </summary>
internal sealed record ImportText(string Text, string? Note)
{
    private const int Windows1252 = 1252;

    // C0 controls except tab, line feed and carriage return; DEL and the C1 controls (U+0085 is a line break to YAML,
    // which would shift every line number after it); the Unicode line and paragraph separators for the same reason;
    // U+FFFD, which means a converter already lost characters; and the two non-characters.
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F" +
        "\u007F\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F" +
        "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F" +
        "\u2028\u2029\uFFFD\uFFFE\uFFFF");

    private static readonly SearchValues<char> NotOnOneLine = SearchValues.Create("\t\n\r");

    public static bool IsForbidden(char c) => Forbidden.Contains(c);

    /// <summary>
    /// Reads at most <see cref="ImportLimits.MaxFileBytes"/> and decodes them. A larger file is refused before it is
    /// read at all when the stream knows its length, and after one byte too many when it does not.
    /// </summary>
    public static async Task<(ImportText? Text, ImportError? Error)> ReadAsync(Stream content, string fileName, bool isSheet, CancellationToken cancellationToken)
    {
        var (bytes, error) = await ReadBytesAsync(content, fileName, cancellationToken);
        return bytes is null ? (null, error) : Decode(bytes, fileName, isSheet);
    }

    /// <summary>The file's bytes, at most <see cref="ImportLimits.MaxFileBytes"/> of them (see <see cref="ReadAsync"/>).</summary>
    public static async Task<(byte[]? Bytes, ImportError? Error)> ReadBytesAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tooLarge = new ImportError(fileName, 0, "(file)", ImportReasonKind.FileTooLarge, ImportLimits.MaxFileBytes / (1024 * 1024), ImportLimits.MaxUnits);
        byte[] bytes;
        if (content.CanSeek)
        {
            var length = content.Length - content.Position;
            if (length > ImportLimits.MaxFileBytes)
            {
                return (null, tooLarge);
            }

            bytes = new byte[length];
            await content.ReadExactlyAsync(bytes, cancellationToken);
        }
        else
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > ImportLimits.MaxFileBytes)
                {
                    return (null, tooLarge);
                }

                buffer.Write(chunk, 0, read);
            }

            bytes = buffer.ToArray();
        }

        return (bytes, null);
    }

    public static (ImportText? Text, ImportError? Error) Decode(ReadOnlySpan<byte> bytes, string fileName, bool isSheet)
    {
        ImportError Refuse(int line, ImportReasonKind kind, params object[] arguments) => new(fileName, line, "(file)", kind, arguments);

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return (null, Refuse(1, ImportReasonKind.Utf32));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var body = bytes[3..];
            var (invalid, _) = ScanUtf8(body);
            return invalid < 0
                ? (new ImportText(Encoding.UTF8.GetString(body), null), null)
                : (null, Refuse(LineAt(body, invalid), ImportReasonKind.BadUtf8AfterMark, Hex(body[invalid])));
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var bigEndian = bytes[0] == 0xFE;
            var utf16 = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true);
            try
            {
                return (new ImportText(utf16.GetString(bytes[2..]), bigEndian ? "read as UTF-16 (big-endian)" : "read as UTF-16"), null);
            }
            catch (DecoderFallbackException e)
            {
                var before = new UnicodeEncoding(bigEndian, false, false).GetString(bytes[2..][..Math.Max(0, Math.Min(e.Index, bytes.Length - 2) & ~1)]);
                return (null, Refuse(before.AsSpan().Count('\n') + 1, ImportReasonKind.BadUtf16));
            }
        }

        if (LooksLikeUtf16WithoutMark(bytes))
        {
            return (null, Refuse(1, ImportReasonKind.Utf16WithoutMark));
        }

        var (firstInvalid, hasMultiByte) = ScanUtf8(bytes);
        if (firstInvalid < 0)
        {
            return (new ImportText(Encoding.UTF8.GetString(bytes), null), null);
        }

        var line = LineAt(bytes, firstInvalid);
        if (hasMultiByte)
        {
            // Valid UTF-8 letters next to bytes that are not: two encodings in one file. Reading it as either would
            // turn one half into nonsense, so nothing is guessed.
            return (null, Refuse(line, ImportReasonKind.MixedEncodings, Hex(bytes[firstInvalid])));
        }

        if (!isSheet)
        {
            return (null, Refuse(line, ImportReasonKind.NotUtf8Organisation, Hex(bytes[firstInvalid])));
        }

        var windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(Windows1252)!;
        return (new ImportText(windows1252.GetString(bytes), $"read as Windows-1252: the sheet is not UTF-8 (byte 0x{bytes[firstInvalid]:X2} on line {line.ToString(CultureInfo.InvariantCulture)}), as Excel's plain \"CSV\" saves it"), null);
    }

    /// <summary>Why a value read from the file cannot be stored, or null when it can.</summary>
    public static ImportReason? ValueProblem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var at = value.AsSpan().IndexOfAny(Forbidden);
        if (at >= 0)
        {
            return value[at] == '\uFFFD'
                ? ImportReason.Of(ImportReasonKind.ReplacementCharacter)
                : ImportReason.Of(ImportReasonKind.ControlCharacter, ((int)value[at]).ToString("X4", CultureInfo.InvariantCulture));
        }

        return value.AsSpan().IndexOfAny(NotOnOneLine) >= 0 ? ImportReason.Of(ImportReasonKind.TabOrLineBreak) : null;
    }

    private static string Hex(byte value) => value.ToString("X2", CultureInfo.InvariantCulture);

    /// <summary>
    /// Where the text holds a character no part of an import file may hold: the 1-based line, where that line starts,
    /// the column and the character.
    /// </summary>
    public static IEnumerable<(int Line, int LineStart, int Column, char Character)> ForbiddenCharacters(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = 1;
        var lineStart = 0;
        var position = 0;
        while (position < text.Length)
        {
            var next = text.AsSpan(position).IndexOfAny(Forbidden);
            if (next < 0)
            {
                yield break;
            }

            var at = position + next;
            for (var i = text.AsSpan(lineStart, at - lineStart).IndexOf('\n'); i >= 0; i = text.AsSpan(lineStart, at - lineStart).IndexOf('\n'))
            {
                line++;
                lineStart += i + 1;
            }

            yield return (line, lineStart, at - lineStart, text[at]);
            position = at + 1;
        }
    }

    private static (int FirstInvalid, bool HasMultiByte) ScanUtf8(ReadOnlySpan<byte> bytes)
    {
        var firstInvalid = -1;
        var hasMultiByte = false;
        var i = 0;
        while (i < bytes.Length)
        {
            var ascii = bytes[i..].IndexOfAnyExceptInRange((byte)0x00, (byte)0x7F);
            if (ascii < 0)
            {
                break;
            }

            i += ascii;
            if (System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) == OperationStatus.Done)
            {
                hasMultiByte = true;
            }
            else if (firstInvalid < 0)
            {
                firstInvalid = i;
            }

            i += Math.Max(consumed, 1);
            if (firstInvalid >= 0 && hasMultiByte)
            {
                break;
            }
        }

        return (firstInvalid, hasMultiByte);
    }

    // UTF-16 text of Latin letters is every other byte zero; text in any 8-bit encoding has no zero bytes at all.
    private static bool LooksLikeUtf16WithoutMark(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        if (sample.Length < 4)
        {
            return false;
        }

        int even = 0, odd = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] != 0)
            {
                continue;
            }

            if (i % 2 == 0)
            {
                even++;
            }
            else
            {
                odd++;
            }
        }

        var pairs = sample.Length / 2;
        return even > pairs * 2 / 5 || odd > pairs * 2 / 5;
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;
}
