using BenchmarkDotNet.Attributes;
using LeanTeamsApp.Features.Planning;

namespace LeanTeamsApp.Benchmarks;

/// <summary>
/// Planning a full year for organisations of growing size, and re-planning it with the previous plan as
/// existing (the common case: nothing or little changed). Short job: the machine has two cores and is shared.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class PlannerBenchmarks
{
    private PlanRequest _request = null!;
    private PlanRequest _replan = null!;

    [Params(600, 2000, 6000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _request = new PlanRequest(2027, new DateOnly(2026, 12, 1), SyntheticOrganisation.Units(Units));
        var plan = YearPlanner.Plan(_request);
        if (plan.Unplaced.Count > 0)
        {
            throw new InvalidOperationException($"{plan.Unplaced.Count} appointments did not fit; the benchmark would measure a failing plan.");
        }

        _replan = _request with { Existing = plan.Appointments };
    }

    [Benchmark(Baseline = true)]
    public YearPlan Plan() => YearPlanner.Plan(_request);

    [Benchmark]
    public YearPlan ReplanUnchanged() => YearPlanner.Plan(_replan);
}
