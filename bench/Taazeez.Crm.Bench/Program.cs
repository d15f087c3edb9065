using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator;

namespace Taazeez.Crm.Bench
{
    /// <summary>Issue 3's emulator benchmark: the emulator's Create / Retrieve / Update / RetrieveMultiple-by-alternate-key
    /// against the same operation on a plain Dictionary&lt;Guid, Entity&gt;, the alternate-key query at 1k/10k/100k rows,
    /// and Create of taz_supportrequest with our real plugins. A Stopwatch harness: each figure is the median of several
    /// timed rounds after a warm-up round, so it is stable on a shared 2-core machine and the whole run takes well under
    /// two minutes. Exits 1 with one line naming the missed goals.</summary>
    internal static class Program
    {
        private const double RatioGoal = 20;
        private const double FlatnessGoal = 2;
        private const int Rounds = 15;

        private static readonly List<string> Misses = new();
        private static readonly ColumnSet ReadColumns = new("taz_name", "taz_nationalid");

        private static int Main(string[] args)
        {
            var quick = args.Contains("--quick");
            var folder = DataverseEmulator.FindSolutionFolder();
            if (args.Length == 2 && args[0] == "--profile") return Profile(folder, args[1]);
            Console.WriteLine($"Taazeez.Crm emulator benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine($"Median of {Rounds} rounds after a warm-up round; ns per operation.");
            var total = Stopwatch.StartNew();

            Crud(folder, baseRows: quick ? 2_000 : 10_000, perRound: quick ? 500 : 2_000);
            Scaling(folder, quick ? new[] { 1_000, 10_000 } : new[] { 1_000, 10_000, 100_000 }, perRound: quick ? 500 : 2_000);
            WithPlugins(folder, perRound: quick ? 200 : 1_000);
            ServiceCallsPerOperation(folder, requests: quick ? 100 : 500);

            Console.WriteLine($"Total {total.Elapsed.TotalSeconds:0.0} s");
            if (Misses.Count == 0)
            {
                Console.WriteLine("All goals met.");
                return 0;
            }
            Console.WriteLine("BENCHMARK GOAL MISSED: " + string.Join("; ", Misses));
            return 1;
        }

        // ---- 1. Emulator vs raw dictionary --------------------------------------------------------------------------

        private static void Crud(string folder, int baseRows, int perRound)
        {
            Console.WriteLine();
            Console.WriteLine($"1. Storage (no plugins), taz_beneficiary with {baseRows:N0} rows to start, {perRound:N0} operations per round");
            Console.WriteLine($"   {"operation",-34} {"emulator",12} {"raw dict",10} {"ratio",8}   goal <= {RatioGoal}x");

            var emulator = DataverseEmulator.FromSolutionFolder(folder);
            var service = emulator.CreateService(emulator.SystemUserId);
            var raw = new Dictionary<Guid, Entity>();
            var rawByNationalId = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
            var ids = new List<Guid>();
            var nationalIds = new List<string>();
            for (var i = 0; i < baseRows; i++)
            {
                var input = Beneficiary(i);
                var id = service.Create(input);
                input.Id = id;
                raw.Add(id, input);
                rawByNationalId.Add(NationalId(i), id);
                ids.Add(id);
                nationalIds.Add(NationalId(i));
            }
            emulator.Calls.Clear();

            // Create: inputs are built before the clock starts (a caller builds them either way).
            var next = baseRows;
            var rawNext = 10_000_000;
            Entity[]? emulatorInputs = null, rawInputs = null;
            Report("Create", Paired(perRound,
                () => { emulatorInputs = Enumerable.Range(next, perRound).Select(Beneficiary).ToArray(); next += perRound; emulator.Calls.Clear(); },
                () => { foreach (var input in emulatorInputs!) service.Create(input); },
                () => { rawInputs = Enumerable.Range(rawNext, perRound).Select(i => { var e = Beneficiary(i); e.Id = Guid.NewGuid(); return e; }).ToArray(); rawNext += perRound; },
                () => { foreach (var input in rawInputs!) raw.Add(input.Id, input); }));

            var random = new Random(7);
            var picks = Enumerable.Range(0, perRound).Select(_ => ids[random.Next(baseRows)]).ToArray();
            Report("Retrieve (2 columns)", Paired(perRound,
                () => emulator.Calls.Clear(), () => { foreach (var id in picks) service.Retrieve("taz_beneficiary", id, ReadColumns); },
                null, () => { foreach (var id in picks) raw.TryGetValue(id, out _); }));

            var updates = picks.Select((id, n) => new Entity("taz_beneficiary", id) { ["taz_district"] = "حي " + n.ToString(CultureInfo.InvariantCulture) }).ToArray();
            Report("Update (1 column)", Paired(perRound,
                () => emulator.Calls.Clear(), () => { foreach (var u in updates) service.Update(u); },
                null, () => { foreach (var u in updates) if (raw.TryGetValue(u.Id, out var row)) row["taz_district"] = u["taz_district"]; }));

            var keyPicks = Enumerable.Range(0, perRound).Select(_ => nationalIds[random.Next(baseRows)]).ToArray();
            var queries = keyPicks.Select(ByNationalId).ToArray();
            var found = 0;
            Report("RetrieveMultiple by taz_nationalid", Paired(perRound,
                () => emulator.Calls.Clear(), () => { foreach (var q in queries) found += service.RetrieveMultiple(q).Entities.Count; },
                null, () => { foreach (var k in keyPicks) if (rawByNationalId.TryGetValue(k, out var id) && raw.ContainsKey(id)) found++; }));
            if (found != 2 * (Rounds + 1) * perRound) throw new InvalidOperationException($"The key queries found {found} rows, expected one per query.");
        }

        // ---- 2. Alternate-key query cost at 1k / 10k / 100k rows ----------------------------------------------------

        private static void Scaling(string folder, int[] sizes, int perRound)
        {
            Console.WriteLine();
            Console.WriteLine($"2. RetrieveMultiple on the indexed alternate key taz_nationalid, {perRound:N0} queries per round");
            var workloads = new List<(Action? Prepare, Action Round)>();
            var found = 0;
            foreach (var size in sizes)
            {
                var emulator = DataverseEmulator.FromSolutionFolder(folder);
                var service = emulator.CreateService(emulator.SystemUserId);
                var seeding = Stopwatch.StartNew();
                for (var i = 0; i < size; i++)
                {
                    service.Create(Beneficiary(i));
                    if (i % 10_000 == 9_999) emulator.Calls.Clear();
                }
                emulator.Calls.Clear();
                Console.WriteLine($"   seeded {size,8:N0} rows in {seeding.Elapsed.TotalSeconds:0.0} s");
                var random = new Random(11);
                var queries = Enumerable.Range(0, perRound).Select(_ => ByNationalId(NationalId(random.Next(size)))).ToArray();
                workloads.Add((() => emulator.Calls.Clear(), () => { foreach (var q in queries) found += service.RetrieveMultiple(q).Entities.Count; }));
            }
            // The sizes run in interleaved rounds, so the ratio compares rounds that shared the machine's load.
            var samples = Interleaved(perRound, workloads.ToArray());
            if (found != sizes.Length * (Rounds + 1) * perRound) throw new InvalidOperationException($"The key queries found {found} rows, expected one per query.");
            for (var s = 0; s < sizes.Length; s++)
                Console.WriteLine($"   {sizes[s],8:N0} rows: {Format(Median(samples[s])),10} per query");
            var ratio = Median(samples[^1].Zip(samples[0], (large, small) => large / small));
            var label = $"{sizes[^1] / 1000}k/{sizes[0] / 1000}k";
            var verdict = ratio <= FlatnessGoal ? "ok" : "MISSED";
            Console.WriteLine($"   {label} per-query ratio: {ratio:0.00}x   goal <= {FlatnessGoal}x   {verdict}");
            if (ratio > FlatnessGoal) Misses.Add($"key query {label} = {ratio:0.00}x > {FlatnessGoal}x");
        }

        // ---- 3. Create of taz_supportrequest through our real plugins -----------------------------------------------

        private static void WithPlugins(string folder, int perRound)
        {
            Console.WriteLine();
            Console.WriteLine("3. With our plugins (Taazeez.Crm.Plugins): Create of taz_supportrequest (steps, autonumber, lookup check)");
            var emulator = DataverseEmulator.FromSolutionFolder(folder, typeof(Taazeez.Crm.Plugins.PluginBase).Assembly);
            var service = emulator.CreateService(emulator.SystemUserId);
            // valid files (the BeneficiaryValidation steps run), and one draft per file and support type: a second open
            // request of the same type for the same beneficiary is refused (S2)
            int[] supportTypes = { 826000001, 826000002, 826000003, 826000007 };
            var beneficiaries = Enumerable.Range(0, (Rounds + 1) * perRound / supportTypes.Length + 1)
                .Select(i => service.Create(new Entity("taz_beneficiary") { ["taz_name"] = "مستفيد " + i.ToString(CultureInfo.InvariantCulture), ["taz_nationalid"] = ValidNationalId(i) }))
                .ToArray();
            var steps = emulator.Steps.Count(s => s.PrimaryEntity == "taz_supportrequest" && s.Message == "Create");
            var next = 0;
            Entity[]? inputs = null, rawInputs = null;
            var raw = new Dictionary<Guid, Entity>();
            var (ns, rawNs, ratio) = Paired(perRound,
                () =>
                {
                    inputs = Enumerable.Range(next, perRound).Select(i => new Entity("taz_supportrequest")
                    {
                        ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", beneficiaries[i / supportTypes.Length]),
                        ["taz_supporttype"] = new OptionSetValue(supportTypes[i % supportTypes.Length]),
                        ["taz_channel"] = new OptionSetValue(826000001),
                    }).ToArray();
                    next += perRound;
                    emulator.Calls.Clear();
                },
                () => { foreach (var input in inputs!) service.Create(input); },
                () => rawInputs = Enumerable.Range(0, perRound).Select(_ => new Entity("taz_supportrequest", Guid.NewGuid())).ToArray(),
                () => { foreach (var input in rawInputs!) raw.Add(input.Id, input); });
            Console.WriteLine($"   {"Create taz_supportrequest",-34} {Format(ns),12} {Format(rawNs),10} {ratio,7:0.0}x   ({steps} Create step(s) run; reported, no goal)");
            if (emulator.Traces.Count == 0 && steps > 0) throw new InvalidOperationException("The plugin steps did not run.");
        }

        // ---- 4. Service calls per operation (issue 5) ----------------------------------------------------------------

        private const int CallGoal = 1;
        private static readonly Guid OfficerRole = new("3fc7e7e8-0434-423c-8d8b-2c6a8551e2b7");
        private static readonly Guid CommitteeRole = new("66e5a571-44fe-4473-af39-b181ca8496bb");

        /// <summary>The service calls our plugins make inside each synchronous save of a support request's life, read
        /// from the emulator's call log (<c>Calls.Last.PluginCalls</c> / <c>PluginCallMessages</c>): an officer creates
        /// the draft and changes its support type (a new duplicate check), the applicant's signature and the officer's verification are saved, the officer submits and sends it to the committee, a committee
        /// member decides. Goal: at most one plugin-made call per save (docs/contracts.md, issue 5).</summary>
        private static void ServiceCallsPerOperation(string folder, int requests)
        {
            Console.WriteLine();
            Console.WriteLine($"4. Service calls made by our plugins per synchronous save of taz_supportrequest, {requests:N0} requests (officer, committee member)");
            Console.WriteLine($"   {"operation",-34} {"saves",6} {"mean",6} {"max",5}  {"calls made",-44} goal <= {CallGoal}");
            var emulator = DataverseEmulator.FromSolutionFolder(folder, typeof(Taazeez.Crm.Plugins.PluginBase).Assembly);
            var officer = emulator.CreateService(emulator.AddUser("مسؤول علاقات المستفيدين", OfficerRole));
            var committee = emulator.CreateService(emulator.AddUser("عضو لجنة البحث", CommitteeRole));
            var operations = new[] { "create", "update (support type)", "update (signature, verification)", "submit", "to committee", "decide" };
            var calls = operations.ToDictionary(o => o, _ => new List<int>());
            var messages = operations.ToDictionary(o => o, _ => new SortedSet<string>(StringComparer.Ordinal));

            void Record(string operation)
            {
                var last = emulator.Calls.Last ?? throw new InvalidOperationException("no call was logged");
                calls[operation].Add(last.PluginCalls);
                foreach (var message in last.PluginCallMessages) messages[operation].Add(message);
            }

            for (var i = 0; i < requests; i++)
            {
                var beneficiary = officer.Create(new Entity("taz_beneficiary") { ["taz_name"] = "مستفيد " + i.ToString(CultureInfo.InvariantCulture), ["taz_nationalid"] = ValidNationalId(900_000 + i) });
                var id = officer.Create(new Entity("taz_supportrequest")
                {
                    ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", beneficiary),
                    ["taz_supporttype"] = new OptionSetValue(826000001),
                    ["taz_amountrequested"] = new Money(3000m),
                    ["taz_description"] = "إيجار متأخر ثلاثة أشهر",
                    ["taz_channel"] = new OptionSetValue(826000001),
                });
                Record("create");
                officer.Update(new Entity("taz_supportrequest", id) { ["taz_supporttype"] = new OptionSetValue(826000003) });
                Record("update (support type)");
                officer.Update(new Entity("taz_supportrequest", id)
                {
                    ["taz_declarationsigned"] = true, ["taz_declarationsignedby"] = "فاطمة أحمد", ["taz_declarationversion"] = "2024.1",
                    ["taz_dataverified"] = true,
                });
                Record("update (signature, verification)");
                officer.Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000001) });
                Record("submit");
                officer.Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000004) });
                Record("to committee");
                committee.Update(new Entity("taz_supportrequest", id) { ["statuscode"] = new OptionSetValue(826000005), ["taz_decisionreasons"] = "مستحق" });
                Record("decide");
            }

            var decided = emulator.CreateService(emulator.SystemUserId).RetrieveMultiple(new QueryExpression("taz_supportrequest")
            {
                ColumnSet = new ColumnSet("statuscode"),
                Criteria = { Conditions = { new ConditionExpression("statuscode", ConditionOperator.Equal, 826000005) } },
            }).Entities.Count;
            if (decided != requests) throw new InvalidOperationException($"{decided} of {requests} requests reached Approved: the scenario did not run through the plugins.");

            foreach (var operation in operations)
            {
                var counts = calls[operation];
                var max = counts.Max();
                var made = messages[operation].Count == 0 ? "none" : string.Join(", ", messages[operation]);
                var ok = max <= CallGoal;
                Console.WriteLine($"   {operation,-34} {counts.Count,6} {counts.Average(),6:0.00} {max,5}  {made,-44} {(ok ? "ok" : "MISSED")}");
                if (!ok) Misses.Add($"{operation} of taz_supportrequest made up to {max} plugin service calls (goal <= {CallGoal})");
            }
        }

        /// <summary>Runs one emulator operation in a loop for 15 s, for a sampling profiler (perf with
        /// DOTNET_PerfMapEnabled=1); prints nothing but the operation count.</summary>
        private static int Profile(string folder, string operation)
        {
            var emulator = DataverseEmulator.FromSolutionFolder(folder);
            var service = emulator.CreateService(emulator.SystemUserId);
            var ids = Enumerable.Range(0, 10_000).Select(i => service.Create(Beneficiary(i))).ToArray();
            var watch = Stopwatch.StartNew();
            var count = 0;
            for (var n = 10_000; watch.Elapsed < TimeSpan.FromSeconds(15); n++, count++)
            {
                var id = ids[n % ids.Length];
                switch (operation)
                {
                    case "create": service.Create(Beneficiary(n)); break;
                    case "retrieve": service.Retrieve("taz_beneficiary", id, ReadColumns); break;
                    case "update": service.Update(new Entity("taz_beneficiary", id) { ["taz_district"] = "x" + n.ToString(CultureInfo.InvariantCulture) }); break;
                    case "query": service.RetrieveMultiple(ByNationalId(NationalId(n % ids.Length))); break;
                    default: Console.WriteLine("--profile create|retrieve|update|query"); return 2;
                }
                if (count % 10_000 == 0)
                {
                    emulator.Calls.Clear();
                    Console.WriteLine($"{count,8:N0} {watch.Elapsed.TotalSeconds,6:0.00} s  gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}  heap {GC.GetTotalMemory(false) / 1_048_576} MB");
                }
            }
            Console.WriteLine($"{operation}: {count:N0} operations in 15 s");
            return 0;
        }

        // ---- harness ------------------------------------------------------------------------------------------------

        /// <summary>Times the workloads in interleaved rounds (w0, w1, ..., w0, w1, ...) so that they share whatever
        /// else the machine is doing; one untimed warm-up round first. prepare runs before each round outside the clock
        /// (building inputs, clearing the call log), followed by a full GC. Returns ns per operation of every timed
        /// round, per workload.</summary>
        private static double[][] Interleaved(int operations, params (Action? Prepare, Action Round)[] workloads)
        {
            var samples = workloads.Select(_ => new double[Rounds]).ToArray();
            for (var r = 0; r <= Rounds; r++)
                for (var w = 0; w < workloads.Length; w++)
                {
                    workloads[w].Prepare?.Invoke();
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    var watch = Stopwatch.StartNew();
                    workloads[w].Round();
                    watch.Stop();
                    if (r > 0) samples[w][r - 1] = watch.Elapsed.TotalMilliseconds * 1_000_000 / operations;
                }
            return samples;
        }

        /// <summary>Emulator vs raw: medians of each, and the median of the per-round ratios (each round's pair ran
        /// back to back, so a burst of load elsewhere hits both sides of a ratio).</summary>
        private static (double Emulator, double Raw, double Ratio) Paired(int operations, Action? prepareEmulator, Action emulator, Action? prepareRaw, Action raw)
        {
            var samples = Interleaved(operations, (prepareEmulator, emulator), (prepareRaw, raw));
            return (Median(samples[0]), Median(samples[1]), Median(samples[0].Zip(samples[1], (e, r) => e / r)));
        }

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted[sorted.Length / 2];
        }

        private static void Report(string operation, (double Emulator, double Raw, double Ratio) figures)
        {
            var (emulatorNs, rawNs, ratio) = figures;
            var verdict = ratio <= RatioGoal ? "ok" : "MISSED";
            Console.WriteLine($"   {operation,-34} {Format(emulatorNs),12} {Format(rawNs),10} {ratio,7:0.0}x   {verdict}");
            if (ratio > RatioGoal) Misses.Add($"{operation} {ratio:0.0}x > {RatioGoal}x");
        }

        private static string Format(double ns) =>
            ns >= 1_000 ? (ns / 1_000).ToString("0.00", CultureInfo.InvariantCulture) + " µs" : ns.ToString("0", CultureInfo.InvariantCulture) + " ns";

        private static string NationalId(int i) => (1_000_000_000L + i).ToString(CultureInfo.InvariantCulture);

        /// <summary>A Saudi national ID that passes BeneficiaryValidation (first digit 1, Luhn check digit).</summary>
        private static string ValidNationalId(int i)
        {
            var digits = "1" + (i % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var k = 0; k < 9; k++)
            {
                var d = digits[k] - '0';
                if (k % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
                sum += d;
            }
            return digits + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
        }

        private static Entity Beneficiary(int i) => new("taz_beneficiary")
        {
            ["taz_name"] = "مستفيد " + i.ToString(CultureInfo.InvariantCulture),
            ["taz_nationalid"] = NationalId(i),
        };

        private static QueryExpression ByNationalId(string nationalId) => new("taz_beneficiary")
        {
            ColumnSet = new ColumnSet("taz_name"),
            Criteria = { Conditions = { new ConditionExpression("taz_nationalid", ConditionOperator.Equal, nationalId) } },
        };
    }
}
