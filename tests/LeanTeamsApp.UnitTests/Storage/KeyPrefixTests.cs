using LeanTeamsApp.Infrastructure.Storage;

namespace LeanTeamsApp.UnitTests.Storage;

public sealed class KeyPrefixTests
{
    [Theory]
    [InlineData("imp|byggesak|", "imp|byggesak}")]
    [InlineData("week|2026-W47|", "week|2026-W47}")]
    [InlineData("a", "b")]
    // Norwegian and Swedish letters in ids: the next code unit, which is still a letter of Latin-1.
    [InlineData("enhet-ø", "enhet-ù")]
    [InlineData("enhet-å", "enhet-æ")]
    [InlineData("enhet-ä", "enhet-å")]
    // The last code unit: the end lies after the character before it, however many there are.
    [InlineData("a\uFFFF", "b")]
    [InlineData("a|\uFFFF\uFFFF", "a}")]
    // A character outside the Basic Multilingual Plane is a surrogate pair; the end is the next pair.
    [InlineData("x\U0001F600", "x\U0001F601")]
    [InlineData("x\uD83D\uDFFF", "x\uD83E\uDC00")]
    // The last character of all (U+10FFFF): in code-unit order, U+E000 is the first well-formed string after every pair.
    [InlineData("x\U0010FFFF", "x\uE000")]
    // U+D7FF + 1 would be half a pair; the first pair is the next well-formed string.
    [InlineData("x\uD7FF", "x\U00010000")]
    public void End_Prefix_IsTheLeastKeyAboveEveryKeyWithIt(string prefix, string end)
    {
        Assert.Equal(end, KeyPrefix.End(prefix));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFFFF")]
    [InlineData("\uFFFF\uFFFF\uFFFF")]
    public void End_NothingAboveThePrefix_IsNone(string prefix)
    {
        Assert.Null(KeyPrefix.End(prefix));
    }

    [Fact]
    public void End_HalfASurrogatePair_IsRefused()
    {
        // Built from chars: test data in attributes would carry half a pair as U+FFFD.
        string[] halves = [new(['x', '\uD83D']), new(['x', '\uDE00']), new(['\uDE00', '\uD83D', '|'])];
        Assert.All(halves, prefix => Assert.Throws<ArgumentException>(() => KeyPrefix.End(prefix)));
    }

    [Fact]
    public void Filter_Prefix_IsTheRangeFromThePrefixToItsEnd()
    {
        Assert.Equal("PartitionKey eq 't1' and RowKey ge 'imp|u''1|' and RowKey lt 'imp|u''1}'", KeyPrefix.Filter("t1", "imp|u'1|"));
    }

    [Fact]
    public void Filter_FromAPointThroughAnotherPrefix_EndsAfterThatPrefix()
    {
        Assert.Equal("PartitionKey eq 't1' and RowKey ge 'week|2026-W44|' and RowKey lt 'week|2026-W47}'", KeyPrefix.Filter("t1", "week|2026-W44|", "week|2026-W47|"));
    }

    [Fact]
    public void Filter_EmptyPrefix_IsTheWholePartition()
    {
        Assert.Equal("PartitionKey eq 't1' and RowKey ge ''", KeyPrefix.Filter("t1", ""));
    }

    /// <summary>
    /// For every pair of well-formed strings drawn from the awkward characters (the ends of each range, both halves
    /// of pairs, letters beyond ASCII), a key is in the prefix's range exactly when it starts with the prefix.
    /// </summary>
    [Fact]
    public void End_AnyPrefixAndKey_RangeHoldsExactlyTheKeysThatStartWithThePrefix()
    {
        string[] pieces = ["", "a", "b", "|", "}", "ø", "\u00FF", "\uD7FF", "\uE000", "\uFFFE", "\uFFFF", "\U00010000", "\U0001F600", "\U0010FFFF"];
        var strings = (from a in pieces from b in pieces from c in pieces select a + b + c).Distinct(StringComparer.Ordinal).ToList();
        var prefixes = (from a in pieces from b in pieces select a + b).Distinct(StringComparer.Ordinal).ToList();
        foreach (var prefix in prefixes)
        {
            var end = KeyPrefix.End(prefix);
            foreach (var key in strings)
            {
                var inRange = string.CompareOrdinal(key, prefix) >= 0 && (end is null || string.CompareOrdinal(key, end) < 0);
                Assert.True(inRange == key.StartsWith(prefix, StringComparison.Ordinal), $"prefix {Escape(prefix)}, end {Escape(end)}, key {Escape(key)}");
            }
        }
    }

    private static string Escape(string? text) =>
        text is null ? "none" : string.Concat(text.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:X4}"));
}
