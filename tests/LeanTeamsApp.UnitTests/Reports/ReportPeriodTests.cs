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
}
