using LeanTeamsApp.Features.Reports;

namespace LeanTeamsApp.UnitTests.Reports;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("Q3 2026", 2026, 3)]
    [InlineData("q3 2026", 2026, 3)]
    [InlineData("K3 2026", 2026, 3)]
    [InlineData("2026-Q3", 2026, 3)]
    [InlineData("2026 Q3", 2026, 3)]
    [InlineData("3. kvartal 2026", 2026, 3)]
    [InlineData("1 quarter 2027", 2027, 1)]
    [InlineData("2026", 2026, null)]
    public void TryParse_WhatPeopleType_ReadsTheQuarterOrYear(string text, int year, int? quarter)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period));
        Assert.Equal(new ReportPeriod(year, quarter), period);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Q5 2026")]
    [InlineData("Q0 2026")]
    [InlineData("Q3")]
    [InlineData("neste kvartal")]
    [InlineData("1999")]
    public void TryParse_NotAPeriod_IsRefused(string text) => Assert.False(ReportPeriod.TryParse(text, out _));

    [Theory]
    [InlineData(2026, 1, "2026-01-01", "2026-03-31")]
    [InlineData(2026, 3, "2026-07-01", "2026-09-30")]
    [InlineData(2024, null, "2024-01-01", "2024-12-31")]
    public void FromAndTo_QuarterOrYear_CoverIt(int year, int? quarter, string from, string to)
    {
        var period = new ReportPeriod(year, quarter);

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (period.From, period.To));
    }

    [Theory]
    [InlineData("T2 2026", 2026, 2)]
    [InlineData("t1 2027", 2027, 1)]
    [InlineData("2026-T3", 2026, 3)]
    [InlineData("2026 T2", 2026, 2)]
    [InlineData("2. tertial 2026", 2026, 2)]
    public void TryParse_Tertial_ReadsIt(string text, int year, int tertial)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period));
        Assert.Equal(new ReportPeriod(year, null) { Tertial = tertial }, period);
        Assert.True(ReportPeriod.TryParse(period.ToString(), out var again));
        Assert.Equal(period, again);
    }

    [Theory]
    [InlineData("T4 2026")]
    [InlineData("T0 2026")]
    [InlineData("4. tertial 2026")]
    public void TryParse_NoSuchTertial_IsRefused(string text) => Assert.False(ReportPeriod.TryParse(text, out _));

    [Theory]
    [InlineData(1, "2026-01-01", "2026-04-30")]
    [InlineData(2, "2026-05-01", "2026-08-31")]
    [InlineData(3, "2026-09-01", "2026-12-31")]
    public void FromAndTo_Tertial_EndOn30April31AugustAnd31December(int tertial, string from, string to)
    {
        var period = new ReportPeriod(2026, null) { Tertial = tertial };

        Assert.Equal((DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), (period.From, period.To));
    }

    [Theory]
    [InlineData("K1 2026", "2025-Q4")]
    [InlineData("K3 2026", "2026-Q2")]
    [InlineData("T1 2026", "2025-T3")]
    [InlineData("T3 2026", "2026-T2")]
    [InlineData("2026", "2025")]
    public void Previous_IsThePeriodBeforeOfTheSameLength(string text, string previous)
    {
        Assert.True(ReportPeriod.TryParse(text, out var period));

        Assert.Equal(previous, period.Previous.ToString());
    }
}
