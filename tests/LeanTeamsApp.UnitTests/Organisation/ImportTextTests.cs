using System.Diagnostics;
using System.Text;
using LeanTeamsApp.Features.Organisation;
using LeanTeamsApp.Features.Organisation.Import;

namespace LeanTeamsApp.UnitTests.Organisation;

/// <summary>Which bytes become which text: never a guess that turns "æøå" into "�".</summary>
public sealed class ImportTextTests
{
    private const string Sheet = "unit_id;unit_name\nsolbakken;Sølvberg æøå ÆØÅ\nvasteras;Västerås öä\n";

    static ImportTextTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static (ImportText? Text, ImportError? Error) Decode(byte[] bytes, bool isSheet = true) =>
        ImportText.Decode(bytes, isSheet ? "units.csv" : "o.yaml", isSheet);

    public static TheoryData<string, byte[]> Unicode() => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Sheet) },
        { "UTF-8 with BOM", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sheet)] },
        { "UTF-16 LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sheet)] },
        { "UTF-16 BE with BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sheet)] },
    };

    [Theory]
    [MemberData(nameof(Unicode))]
    public void Decode_UnicodeWithOrWithoutMark_KeepsEveryLetter(string encoding, byte[] bytes)
    {
        var (text, error) = Decode(bytes);

        Assert.Null(error);
        Assert.Equal(Sheet, text!.Text);
        Assert.Equal(encoding.StartsWith("UTF-16", StringComparison.Ordinal), text.Note is not null);
    }

    [Fact]
    public void Decode_Windows1252Sheet_ConvertsNordicLettersAndSaysSo()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(Sheet);

        var (text, error) = Decode(bytes);

        Assert.Null(error);
        Assert.Equal(Sheet, text!.Text);
        Assert.DoesNotContain('\uFFFD', text.Text);
        Assert.Equal("read as Windows-1252: the sheet is not UTF-8 (byte 0xF8 on line 2), as Excel's plain \"CSV\" saves it", text.Note);
    }

    [Fact]
    public void Decode_Windows1252OrganisationFile_IsRefusedWithTheLine()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("tenantId: x\nname: Fjordvik\nunits:\n  - name: Sølvberg\n");

        var (text, error) = Decode(bytes, isSheet: false);

        Assert.Null(text);
        Assert.Equal("o.yaml:4: (file): byte 0xF8 is not UTF-8; an organisation file must be saved as UTF-8", error!.ToString());
    }

    [Fact]
    public void Decode_UTF8AndWindows1252InOneFile_IsRefusedNotHalfMangled()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("unit_name\nSølvberg\n"), .. Encoding.GetEncoding(1252).GetBytes("Åsen\n")];

        var (text, error) = Decode(bytes);

        Assert.Null(text);
        Assert.Equal("units.csv:3: (file): byte 0xC5 is not UTF-8, but other lines are: the file mixes two encodings; save it as UTF-8", error!.ToString());
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00 }, "the file is UTF-32; save it as UTF-8")]
    [InlineData(new byte[] { 0x41, 0x00, 0x42, 0x00, 0x43, 0x00, 0x0A, 0x00 }, "the file looks like UTF-16 without a byte-order mark; save it as UTF-8")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x41, 0xC3, 0x28 }, "byte 0xC3 is not UTF-8, although the file starts with UTF-8's byte-order mark; save it as UTF-8 again")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00 }, "the file starts as UTF-16 but is not valid UTF-16 there; save it as UTF-8")]
    public void Decode_UnreadableEncoding_IsRefusedClearly(byte[] bytes, string reason)
    {
        var (text, error) = Decode(bytes);

        Assert.Null(text);
        Assert.Equal(reason, error!.Reason);
    }

    [Fact]
    public void ValueProblem_ReplacementCharacter_SaysTheTextWasAlreadyMangled()
    {
        Assert.StartsWith("contains U+FFFD, the replacement character", ImportText.ValueProblem("S\uFFFDlvberg")?.In(Language.En), StringComparison.Ordinal);
        Assert.Null(ImportText.ValueProblem("Sølvberg æøå"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_FiftyMegabytes_IsRefusedQuicklyWithoutReadingItAll(bool seekable)
    {
        var bytes = new byte[50 * 1024 * 1024];
        Array.Fill(bytes, (byte)'a');
        using var memory = new MemoryStream(bytes);
        Stream content = seekable ? memory : new ForwardOnly(memory);
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var (text, error) = await ImportText.ReadAsync(content, "big.yaml", isSheet: false, CancellationToken.None);

        Assert.Null(text);
        Assert.StartsWith("the file is larger than 32 MiB", error!.Reason, StringComparison.Ordinal);
        Assert.True(memory.Position <= ImportLimits.MaxFileBytes + 81920, $"read {memory.Position} bytes");
        var limit = seekable ? 1024 * 1024 : 3L * ImportLimits.MaxFileBytes;
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < limit, $"allocated {GC.GetAllocatedBytesForCurrentThread() - allocated} bytes");
    }

    /// <summary>A stream that does not know its length, like a network upload.</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
