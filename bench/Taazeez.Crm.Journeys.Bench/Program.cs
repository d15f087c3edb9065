using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Taazeez.Crm.Cli;
using Taazeez.Crm.Cli.Simulation;
using Taazeez.Crm.Packer;

// Journeys/second of `taazeez simulate` for N = 10k and 100k in one process, peak memory, and t(100k)/t(10k).
// Usage: dotnet run --project bench/Taazeez.Crm.Journeys.Bench -c Release [-- N1 N2 ... [--days D] [--seed S] [--calls]]
// --calls also lists the service calls per journey by message (and the plugins' inner calls), largest first.
var sizes = new List<int>();
var days = 365;
var seed = 1;
var listCalls = false;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--calls") listCalls = true;
    else if (args[i] == "--days") days = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--seed") seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else sizes.Add(int.Parse(args[i].Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
}
if (sizes.Count == 0) sizes.AddRange(new[] { 10_000, 100_000 });

var root = RepoPaths.FindRoot(AppContext.BaseDirectory);
var zip = Path.Combine(Path.GetTempPath(), $"taazeez-bench-{Guid.NewGuid():N}.zip");
var options = new PackOptions { Version = SolutionPacker.ReadVersion(Path.Combine(root, "Solution", "src")) };
foreach (var folder in PackOptions.ForConfiguration("Release").AssemblyFolders) options.AssemblyFolders.Add(Path.Combine(root, folder));
SolutionPacker.Pack(Path.Combine(root, "Solution", "src"), zip, options);

var process = Process.GetCurrentProcess();
Console.WriteLine($"Taazeez journeys bench — {Environment.ProcessorCount} cores, .NET {Environment.Version}, days {days}, seed {seed}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
// Warm-up: JIT, plugin type loading, first queries.
JourneySession.Run(zip, 200, 5, seed);
GC.Collect();

var results = new List<(int N, double Wall, double Cpu, long Peak, long Heap, long Calls)>();
foreach (var n in sizes)
{
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var cpu0 = process.TotalProcessorTime;
    var session = JourneySession.Run(zip, n, days, seed);
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
    var heap = GC.GetTotalMemory(forceFullCollection: true);
    process.Refresh();
    results.Add((n, session.Elapsed.TotalSeconds, cpu, process.PeakWorkingSet64, heap, session.Summary.ServiceCalls));
    var s = session.Summary;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"N={n,7}: journeys {session.Elapsed.TotalSeconds,7:0.0} s wall ({session.JourneysPerSecond,6:0} journeys/s), run cpu {cpu,7:0.0} s, " +
        $"peak working set {process.PeakWorkingSet64 / 1048576.0,6:0} MB, live heap {heap / 1048576.0,6:0} MB, " +
        $"{s.ServiceCalls} service calls ({(double)s.ServiceCalls / n:0.0}/journey), delivered {s.Delivered}, rejected {s.Rejected}"));
    Console.WriteLine("    wall time by step: " + string.Join(", ", s.TimeByStep.Where(p => p.Value > TimeSpan.Zero)
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.TotalSeconds:0.0} s"))) +
        string.Create(CultureInfo.InvariantCulture, $", daily sweeps {s.DailySweeps.TotalSeconds:0.0} s"));
    if (listCalls)
        foreach (var (message, count) in s.CallsByMessage.OrderByDescending(p => p.Value))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {(double)count / n,7:0.00}/journey  {message}"));
}
File.Delete(zip);

if (results.Count >= 2)
{
    var (small, large) = (results[0], results[^1]);
    var ratio = large.Wall / small.Wall;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"t({large.N})/t({small.N}) = {ratio:0.00} (linear would be {(double)large.N / small.N:0.0}; goal ≤ 11)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"goals for N={large.N}: ≤ 60 s → {(large.Wall <= 60 ? "met" : "NOT met")} ({large.Wall:0.0} s); ≤ 2 GB → {(large.Peak <= 2L << 30 ? "met" : "NOT met")} ({large.Peak / 1048576.0:0} MB peak); ratio ≤ 11 → {(ratio <= 11 ? "met" : "NOT met")}"));
}
