using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Metadata;
using Taazeez.Crm.Emulator.Pipeline;
using Taazeez.Crm.Emulator.Store;

namespace Taazeez.Crm.Emulator.Service
{
    /// <summary>One emulated organization: store, pipeline, plugins, clock and logs. Every request runs under one
    /// lock, so concurrent callers are serialised as a single database would serialise conflicting transactions and
    /// no write is lost; plugin calls made while the lock is held re-enter it on the same thread.</summary>
    internal sealed class Organization
    {
        private readonly object _gate = new();
        private readonly Dictionary<string, CustomApiRegistration> _apis;
        /// <summary>The plug-in trace log keeps the latest executions, as Dataverse's log ages out old rows, so a long
        /// simulation does not hold every trace it ever wrote.</summary>
        public const int TracesKept = 10_000;
        private readonly Queue<PluginTraceRecord> _traces = new();
        private readonly SeededIds _rowIds;
        private readonly SeededIds _operationIds;

        public Organization(SolutionMetadata metadata, IEnumerable<StepRegistration> steps, IEnumerable<CustomApiRegistration> apis,
            IReadOnlyList<Assembly> assemblies, DateTime start, int seed)
        {
            Metadata = metadata;
            Store = new EntityStore(metadata);
            Clock = new EmulatorClock(start);
            _rowIds = new SeededIds(seed);
            _operationIds = new SeededIds(unchecked(seed * 7919L + 104729));
            AutoNumbers = new AutoNumbers(new Random(seed));
            Plugins = new PluginFactory(assemblies);
            Pipeline = new MessagePipeline(this, steps);
            _apis = apis.ToDictionary(a => a.UniqueName, StringComparer.Ordinal);
            OrganizationId = NewId();
            RootBusinessUnitId = NewId();
            SystemUserId = NewId();
            Seed(new Entity("businessunit", RootBusinessUnitId) { ["name"] = "taazeez" });
            Seed(new Entity("systemuser", SystemUserId)
            {
                ["fullname"] = "SYSTEM",
                ["businessunitid"] = new EntityReference("businessunit", RootBusinessUnitId),
            });
        }

        public Guid RootBusinessUnitId { get; }
        public Guid SystemUserId { get; }

        /// <summary>Writes platform rows (users, roles, environment variable definitions) without the pipeline, as
        /// they exist before any of our code runs.</summary>
        public void Seed(Entity row)
        {
            lock (_gate)
            {
                var table = Store.RequireTable(row.LogicalName);
                row[table.PrimaryIdColumn] = row.Id;
                row["createdon"] = row["modifiedon"] = Clock.UtcNow;
                if (table.Columns.ContainsKey("statecode") && !row.Contains("statecode"))
                {
                    row["statecode"] = new OptionSetValue(0);
                    row["statuscode"] = new OptionSetValue(table.DefaultStatus);
                }
                ValueValidator.Validate(table, row, Store);
                Store.Insert(row);
            }
        }

        public SolutionMetadata Metadata { get; }
        public EntityStore Store { get; }
        public EmulatorClock Clock { get; }
        public AutoNumbers AutoNumbers { get; }
        public PluginFactory Plugins { get; }
        public MessagePipeline Pipeline { get; }
        public ServiceCallLog Calls { get; } = new();
        public Guid OrganizationId { get; }
        public IReadOnlyList<PluginTraceRecord> Traces { get { lock (_gate) return _traces.ToList(); } }

        public CustomApiRegistration? CustomApi(string name) => _apis.TryGetValue(name, out var api) ? api : null;

        public PluginTraceLogging TraceLogging { get; set; } = PluginTraceLogging.All;

        /// <summary>Whether the trace log setting keeps the record of an execution that failed or not.</summary>
        public bool KeepsTrace(bool failed) => TraceLogging == PluginTraceLogging.All || (failed && TraceLogging == PluginTraceLogging.Exception);

        public void RecordTrace(PluginTraceRecord record)
        {
            if (_traces.Count == TracesKept) _traces.Dequeue();
            _traces.Enqueue(record);
        }

        /// <summary>Row ids come from a seeded sequence, so a run with the same seed writes the same rows.</summary>
        public Guid NewId() => _rowIds.Next();

        /// <summary>Request and operation ids of the execution contexts: a sequence of their own, so adding a step does
        /// not shift the row ids.</summary>
        public Guid NewOperationId() => _operationIds.Next();

        public T Locked<T>(Func<T> action) { lock (_gate) return action(); }

        public OrganizationResponse Execute(OrganizationRequest request, Caller caller, RequestOwner owner = RequestOwner.Caller)
        {
            lock (_gate)
            {
                if (caller.IsPlugin) Calls.PluginCall(request.RequestName);
                else Calls.Start(request.RequestName, EntityOf(request), isAsync: false);
                return request.RequestName switch
                {
                    "ExecuteMultiple" => ExecuteMultiple(request, caller),
                    "ExecuteTransaction" => ExecuteTransaction(request, caller),
                    _ => Pipeline.Run(request, caller, owner),
                };
            }
        }

        /// <summary>Runs queued asynchronous steps (and whatever they queue) until none is left.</summary>
        public int RunAsyncSteps()
        {
            lock (_gate)
            {
                var ran = 0;
                while (Pipeline.AsyncQueue.Count > 0)
                {
                    var queued = Pipeline.AsyncQueue.Dequeue();
                    Calls.Start(queued.Invocation.MessageName, queued.Invocation.EntityName, isAsync: true);
                    try { Pipeline.RunQueued(queued); }
                    catch (System.ServiceModel.FaultException<OrganizationServiceFault>) { /* a failed system job: its trace record holds the error */ }
                    ran++;
                }
                return ran;
            }
        }

        private OrganizationResponse ExecuteMultiple(OrganizationRequest request, Caller caller)
        {
            var requests = (OrganizationRequestCollection)request.Parameters["Requests"];
            var settings = request.Parameters.TryGetValue("Settings", out var s) && s is ExecuteMultipleSettings given ? given : new ExecuteMultipleSettings();
            var responses = new ExecuteMultipleResponseItemCollection();
            var faulted = false;
            for (var i = 0; i < requests.Count; i++)
            {
                if (requests[i].RequestName is "ExecuteMultiple")
                    throw DataverseFaults.Create(DataverseFaults.InvalidArgument, "ExecuteMultiple cannot contain another ExecuteMultiple request.");
                try
                {
                    var response = requests[i].RequestName == "ExecuteTransaction" ? ExecuteTransaction(requests[i], caller) : Pipeline.Run(requests[i], caller);
                    if (settings.ReturnResponses) responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
                }
                catch (System.ServiceModel.FaultException<OrganizationServiceFault> fault)
                {
                    faulted = true;
                    responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = fault.Detail });
                    if (!settings.ContinueOnError) break;
                }
            }
            var result = new ExecuteMultipleResponse();
            result.Results["IsFaulted"] = faulted;
            result.Results["Responses"] = responses;
            return result;
        }

        /// <summary>All requests in one transaction: the first fault undoes every earlier write and is rethrown with
        /// the index of the request that failed.</summary>
        private OrganizationResponse ExecuteTransaction(OrganizationRequest request, Caller caller)
        {
            var requests = (OrganizationRequestCollection)request.Parameters["Requests"];
            var owns = Pipeline.BeginTransaction();
            var responses = new OrganizationResponseCollection();
            for (var i = 0; i < requests.Count; i++)
            {
                try { responses.Add(Pipeline.Run(requests[i], caller)); }
                catch (System.ServiceModel.FaultException<OrganizationServiceFault> fault)
                {
                    if (owns) Pipeline.Rollback();
                    fault.Detail.ErrorDetails["FaultedRequestIndex"] = i;
                    throw;
                }
            }
            if (owns) Pipeline.Commit();
            var result = new ExecuteTransactionResponse();
            if (request.Parameters.TryGetValue("ReturnResponses", out var r) && r is true) result.Results["Responses"] = responses;
            return result;
        }

        private static string? EntityOf(OrganizationRequest request) =>
            request.Parameters.TryGetValue("Target", out var target) ? target switch
            {
                Entity e => e.LogicalName,
                EntityReference r => r.LogicalName,
                _ => null,
            } : null;
    }
}
