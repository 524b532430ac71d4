using LeanTeamsApp.Infrastructure.Cards;

namespace LeanTeamsApp.UnitTests.Cards;

public sealed class PlainTextTests
{
    [Theory]
    [InlineData("[Les mer](https://example.com)", "\\[Les mer\\](https://example.com)")]
    [InlineData("**Viktig** og _kursiv_", "\\*\\*Viktig\\*\\* og \\_kursiv\\_")]
    [InlineData("Tiltak_1_og_2", "Tiltak\\_1\\_og\\_2")]
    [InlineData("<https://example.com>", "\\<https://example.com\\>")]
    [InlineData("`kode` og ~~streket~~", "\\`kode\\` og \\~\\~streket\\~\\~")]
    [InlineData("C:\\mappe", "C:\\\\mappe")]
    [InlineData("# Overskrift", "\\# Overskrift")]
    [InlineData("- punkt\n+ punkt\n1. punkt", "\\- punkt\n\\+ punkt\n1\\. punkt")]
    [InlineData("  12. mai", "  12\\. mai")]
    public void Escape_MarkdownAUserTyped_IsShownAsTyped(string typed, string written)
    {
        Assert.Equal(written, PlainText.Escape(typed));
    }

    [Theory]
    [InlineData("Saksbehandlingstid under 3 uker")]
    [InlineData("Møtet kl. 09.30 – 15 min (holdt)")]
    [InlineData("Hjemmetjenesten nord · uke 47 · 2 av 4")]
    [InlineData("PP-tjenesten og 12. mai")]
    [InlineData("Spart tid: 3,5 timer")]
    public void Escape_OrdinaryText_IsUnchanged(string text)
    {
        Assert.Equal(text, PlainText.Escape(text));
    }

    [Fact]
    public void Card_TextAndFacts_AreWrittenPlain()
    {
        var card = new AdaptiveCard
        {
            Body = [new TextBlock("[Klikk](https://x.example)"), new FactSet([new Fact("*Enhet*", "[a](b)")])],
        }.ToJson().ToJsonString();

        Assert.Contains("\"text\":\"\\\\[Klikk\\\\](https://x.example)\"", card, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"\\\\*Enhet\\\\*\",\"value\":\"\\\\[a\\\\](b)\"", card, StringComparison.Ordinal);
    }
}
