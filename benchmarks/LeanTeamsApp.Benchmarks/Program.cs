using BenchmarkDotNet.Running;
using LeanTeamsApp.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(PlannerBenchmarks).Assembly).Run(args);
