using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Taazeez.Crm.Cli;
using Taazeez.Crm.Cli.Simulation;
using Taazeez.Crm.Packer;

// Journeys/second of `taazeez simulate` for N = 10k and 100k in one run, peak memory, and t(100k)/t(10k).
// Usage: dotnet run --project bench/Taazeez.Crm.Journeys.Bench -c Release [-- N1 N2 ... [--days D] [--seed S] [--calls]]
// --calls also lists the service calls per journey by message (and the plugins' inner calls), largest first.
// Each size runs in a process of its own (this program with --size), so its peak working set is its own: one process
// for all sizes would carry the memory the runtime kept from the smaller run into the larger one's peak.
var sizes = new List<int>();
var days = 365;
var seed = 1;
var listCalls = false;
string? zipToRun = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--calls") listCalls = true;
    else if (args[i] == "--days") days = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--seed") seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
    else if (args[i] == "--size") zipToRun = args[++i];
    else sizes.Add(int.Parse(args[i].Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
}
if (sizes.Count == 0) sizes.AddRange(new[] { 10_000, 100_000 });

if (zipToRun != null) return RunOne(zipToRun, sizes[0], days, seed, listCalls);

var root = RepoPaths.FindRoot(AppContext.BaseDirectory);
var zip = Path.Combine(Path.GetTempPath(), $"taazeez-bench-{Guid.NewGuid():N}.zip");
var options = new PackOptions { Version = SolutionPacker.ReadVersion(Path.Combine(root, "Solution", "src")) };
foreach (var folder in PackOptions.ForConfiguration("Release").AssemblyFolders) options.AssemblyFolders.Add(Path.Combine(root, folder));
SolutionPacker.Pack(Path.Combine(root, "Solution", "src"), zip, options);

Console.WriteLine($"Taazeez journeys bench — {Environment.ProcessorCount} cores, .NET {Environment.Version}, days {days}, seed {seed}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, conserve memory {AppContext.GetData("System.GC.ConserveMemory") ?? 0}");
var results = new List<(int N, double Wall, long Peak)>();
try
{
    foreach (var n in sizes)
    {
        var child = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        // `dotnet Bench.dll` runs the host with the assembly as its first argument; the apphost runs itself
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") child.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
        foreach (var a in new[] { "--size", zip, n.ToString(CultureInfo.InvariantCulture), "--days", days.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture) })
            child.ArgumentList.Add(a);
        if (listCalls) child.ArgumentList.Add("--calls");
        using var run = Process.Start(child)!;
        string? line;
        while ((line = run.StandardOutput.ReadLine()) != null)
        {
            if (line.StartsWith("RESULT ", StringComparison.Ordinal))
            {
                var f = line.Split(' ');
                results.Add((n, double.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[2], CultureInfo.InvariantCulture)));
            }
            else Console.WriteLine(line);
        }
        run.WaitForExit();
        if (run.ExitCode != 0) throw new InvalidOperationException($"The run of {n} journeys failed (exit code {run.ExitCode}).");
    }
}
finally
{
    File.Delete(zip);
}

if (results.Count >= 2)
{
    var (small, large) = (results[0], results[^1]);
    var ratio = large.Wall / small.Wall;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"t({large.N})/t({small.N}) = {ratio:0.00} (linear would be {(double)large.N / small.N:0.0}; goal ≤ 11)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"goals for N={large.N}: ≤ 60 s → {(large.Wall <= 60 ? "met" : "NOT met")} ({large.Wall:0.0} s); ≤ 2 GB → {(large.Peak <= 2L << 30 ? "met" : "NOT met")} ({large.Peak / 1048576.0:0} MB peak); ratio ≤ 11 → {(ratio <= 11 ? "met" : "NOT met")}"));
}
return 0;

// One size in this process: a 200-journey warm-up (JIT, plugin type loading, first queries), then the timed run.
static int RunOne(string zip, int n, int days, int seed, bool listCalls)
{
    var process = Process.GetCurrentProcess();
    JourneySession.Run(zip, 200, 5, seed);
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    var cpu0 = process.TotalProcessorTime;
    var pause0 = GC.GetTotalPauseDuration();
    var session = JourneySession.Run(zip, n, days, seed);
    var pause = (GC.GetTotalPauseDuration() - pause0).TotalSeconds;
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
    var heap = GC.GetTotalMemory(forceFullCollection: true);
    process.Refresh();
    var s = session.Summary;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"N={n,7}: journeys {session.Elapsed.TotalSeconds,7:0.0} s wall ({session.JourneysPerSecond,6:0} journeys/s), run cpu {cpu,7:0.0} s, GC pauses {pause,5:0.0} s, " +
        $"peak working set {process.PeakWorkingSet64 / 1048576.0,6:0} MB, live heap {heap / 1048576.0,6:0} MB, " +
        $"{s.ServiceCalls} service calls ({(double)s.ServiceCalls / n:0.0}/journey), delivered {s.Delivered}, rejected {s.Rejected}"));
    Console.WriteLine("    wall time by step: " + string.Join(", ", s.TimeByStep.Where(p => p.Value > TimeSpan.Zero)
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.TotalSeconds:0.0} s"))) +
        string.Create(CultureInfo.InvariantCulture, $", daily sweeps {s.DailySweeps.TotalSeconds:0.0} s"));
    if (listCalls)
        foreach (var (message, count) in s.CallsByMessage.OrderByDescending(p => p.Value))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {(double)count / n,7:0.00}/journey  {message}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {session.Elapsed.TotalSeconds} {process.PeakWorkingSet64}"));
    return 0;
}
