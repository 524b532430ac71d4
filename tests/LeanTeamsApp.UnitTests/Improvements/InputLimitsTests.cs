using LeanTeamsApp.Features.Board;
using LeanTeamsApp.Features.CheckIns;
using LeanTeamsApp.Features.Improvements;

namespace LeanTeamsApp.UnitTests.Improvements;

public sealed class InputLimitsTests
{
    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("∞")]
    [InlineData("1e400")]
    [InlineData("1E3")]
    [InlineData("12,5")]
    [InlineData("1,000")]
    [InlineData("0x10")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("ten")]
    [InlineData("7922816251426433759354395033500")]
    public void TryReadAmount_NoPlainFiniteNumber_IsNotANumber(string? text) =>
        Assert.Equal(AmountProblem.NotANumber, InputLimits.TryReadAmount(text, BenefitMeasure.Nok, out _));

    [Theory]
    [InlineData(BenefitMeasure.Hours, "0.01")]
    [InlineData(BenefitMeasure.Hours, "100000")]
    [InlineData(BenefitMeasure.Nok, "100000000")]
    [InlineData(BenefitMeasure.Sek, " 2500.50 ")]
    [InlineData(BenefitMeasure.DaysOfLeadTime, "3650")]
    [InlineData(BenefitMeasure.PlacesFreed, "1")]
    [InlineData(BenefitMeasure.PlacesFreed, "10000")]
    [InlineData(BenefitMeasure.PlacesFreed, "500.00")]
    public void TryReadAmount_WithinTheMeasuresRange_IsRead(BenefitMeasure measure, string text)
    {
        Assert.Equal(AmountProblem.None, InputLimits.TryReadAmount(text, measure, out var amount));
        Assert.Equal(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), amount);
    }

    [Theory]
    [InlineData(BenefitMeasure.Hours, "0")]
    [InlineData(BenefitMeasure.Hours, "-5")]
    [InlineData(BenefitMeasure.Hours, "100000.01")]
    [InlineData(BenefitMeasure.Hours, "1.005")]
    [InlineData(BenefitMeasure.Nok, "100000000.01")]
    [InlineData(BenefitMeasure.Nok, "79000000000000000000000000000")]
    [InlineData(BenefitMeasure.Sek, "-0.01")]
    [InlineData(BenefitMeasure.DaysOfLeadTime, "3651")]
    [InlineData(BenefitMeasure.PlacesFreed, "0")]
    [InlineData(BenefitMeasure.PlacesFreed, "10.5")]
    [InlineData(BenefitMeasure.PlacesFreed, "10001")]
    public void TryReadAmount_OutsideTheMeasuresRange_IsOutOfRange(BenefitMeasure measure, string text) =>
        Assert.Equal(AmountProblem.OutOfRange, InputLimits.TryReadAmount(text, measure, out _));

    [Fact]
    public void TryReadAmount_UnknownMeasure_IsOutOfRange() =>
        Assert.Equal(AmountProblem.OutOfRange, InputLimits.TryReadAmount("5", (BenefitMeasure)99, out _));

    [Fact]
    public void Benefit_EveryMeasure_HasARangeThatTenThousandMaximaCannotOverflow()
    {
        foreach (var measure in Enum.GetValues<BenefitMeasure>())
        {
            var range = InputLimits.Benefit(measure);
            Assert.True(range.Max > range.Min, measure.ToString());
            // Every unit of a large organisation, each with a year's sum at the cap, still adds up inside a decimal.
            Assert.True(range.Max * InputLimits.MaxRecordsInASum * 100_000 < decimal.MaxValue / 10, measure.ToString());
        }
    }

    [Fact]
    public void IsCountable_StoredFigures_OnlyThoseInRangeWithAKnownKindAndMeasure()
    {
        static Benefit Of(decimal amount, BenefitMeasure measure = BenefitMeasure.Hours, BenefitKind kind = BenefitKind.TimeSaved) =>
            new("u", "b", kind, BenefitStage.Realised, amount, measure, [], new DateOnly(2026, 11, 19), "x", RecordSource.CheckIn);

        Assert.True(InputLimits.IsCountable(Of(12.5m)));
        Assert.False(InputLimits.IsCountable(Of(-5m)));
        Assert.False(InputLimits.IsCountable(Of(79_000_000_000_000_000_000_000_000_000m, BenefitMeasure.Nok)));
        Assert.False(InputLimits.IsCountable(Of(5m, (BenefitMeasure)7)));
        Assert.False(InputLimits.IsCountable(Of(5m, kind: (BenefitKind)42)));
        Assert.False(InputLimits.IsCountable(Of(0m) with { UnreadableAmount = "\"NaN\"" }));
    }

    [Fact]
    public void IsCountableSum_NegativeOrBeyondTheCap_IsNot()
    {
        Assert.True(InputLimits.IsCountableSum(BenefitKind.Money, BenefitMeasure.Nok, 0m));
        Assert.True(InputLimits.IsCountableSum(BenefitKind.Money, BenefitMeasure.Nok, 1_000_000_000_000m));
        Assert.False(InputLimits.IsCountableSum(BenefitKind.Money, BenefitMeasure.Nok, 1_000_000_000_001m));
        Assert.False(InputLimits.IsCountableSum(BenefitKind.Money, BenefitMeasure.Nok, -1m));
    }

    [Fact]
    public void Sum_AmountsThatWouldOverflow_StopsAtTheLargestDecimal()
    {
        Assert.Equal(decimal.MaxValue, InputLimits.Sum([79_000_000_000_000_000_000_000_000_000m, 79_000_000_000_000_000_000_000_000_000m]));
        Assert.Equal(decimal.MinValue, InputLimits.Sum([decimal.MinValue, -1m]));
        Assert.Equal(15.75m, InputLimits.Sum([10m, 5.75m]));
    }
}
