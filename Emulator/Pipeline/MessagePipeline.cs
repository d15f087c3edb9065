using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Service;
using Taazeez.Crm.Emulator.Store;

namespace Taazeez.Crm.Emulator.Pipeline
{
    /// <summary>Runs one message as Dataverse's event pipeline does: pre-validation (10) outside the transaction,
    /// pre-operation (20), the core operation (30) and synchronous post-operation (40) inside it, rolled back
    /// together when any of them throws; asynchronous post-operation steps are queued when the transaction commits.</summary>
    internal sealed class MessagePipeline
    {
        /// <summary>Dataverse stops a chain of plugin calls deeper than 8.</summary>
        public const int MaxDepth = 8;

        private readonly Organization _org;
        private readonly ILookup<(string Message, string? Entity), StepRegistration> _steps;
        private readonly List<QueuedStep> _pending = new();
        /// <summary>Steps of (message, entity) with those of (message, any entity), ordered by stage then rank; built on
        /// first use (registrations do not change after start).</summary>
        private readonly Dictionary<(string Message, string? Entity), StepRegistration[]> _ordered = new();

        public MessagePipeline(Organization org, IEnumerable<StepRegistration> steps)
        {
            _org = org;
            _steps = steps.OrderBy(s => s.Stage).ThenBy(s => s.Rank).ToLookup(s => (s.Message, s.PrimaryEntity));
        }

        public Queue<QueuedStep> AsyncQueue { get; } = new();

        public OrganizationResponse Run(OrganizationRequest request, Caller caller, RequestOwner owner = RequestOwner.Caller)
        {
            if (caller.Depth > MaxDepth)
                throw DataverseFaults.Create(DataverseFaults.MaxDepthExceeded,
                    "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again.");
            var invocation = new Invocation(owner == RequestOwner.Caller ? Copy(request) : request, caller, _org.Clock.UtcNow, _org.NewOperationId());
            var (skipSync, skipAsync) = Bypassed(invocation.Request);
            CoreOperations.Prepare(invocation, _org);
            var steps = StepsFor(invocation, skipSync, skipAsync);
            // a step may change the Target (and keeps it, if asynchronous): it gets a copy, never the caller's entity
            if (owner == RequestOwner.EmulatorWithCallersTarget)
            {
                if (steps.Count > 0) invocation.Request.Parameters["Target"] = EntityCopy.Of((Entity)invocation.Request.Parameters["Target"]);
                else invocation.CallersTarget = invocation.Request.Parameters["Target"] as Entity;
            }
            if (invocation.EntityName != null && invocation.EntityId != Guid.Empty && Any(steps, s => s.Images.Any(i => i.IsPre)))
                invocation.PreImage = _org.Store.Find(invocation.EntityName, invocation.EntityId) is { } row ? EntityCopy.Of(row) : null;

            foreach (var step in steps)
                if (step.Stage == 10) Execute(step, invocation, isAsync: false);

            var ownsTransaction = BeginTransaction();
            try
            {
                foreach (var step in steps)
                    if (step.Stage == 20) Execute(step, invocation, isAsync: false);
                CoreOperations.Execute(invocation, _org);
                Entity? postImage = null;
                if (invocation.EntityName != null && Any(steps, s => s.Stage == 40 && s.Images.Any(i => i.IsPost)))
                    postImage = _org.Store.Find(invocation.EntityName, invocation.EntityId) is { } row ? EntityCopy.Of(row) : null;
                foreach (var step in steps)
                {
                    if (step.Stage != 40) continue;
                    if (step.IsAsync) _pending.Add(new QueuedStep(step, invocation, postImage));
                    else Execute(step, invocation, isAsync: false, postImage);
                }
                if (ownsTransaction) Commit();
            }
            catch
            {
                if (ownsTransaction) Rollback();
                throw;
            }
            return invocation.Response;
        }

        private static bool Any(IReadOnlyList<StepRegistration> steps, Func<StepRegistration, bool> test)
        {
            for (var i = 0; i < steps.Count; i++)
                if (test(steps[i])) return true;
            return false;
        }

        /// <summary>Runs a queued asynchronous step in its own transaction, as the async service would.</summary>
        public void RunQueued(QueuedStep queued)
        {
            BeginTransaction();
            try
            {
                Execute(queued.Step, queued.Invocation, isAsync: true, queued.PostImage);
                Commit();
            }
            catch
            {
                Rollback();
                throw;
            }
        }

        /// <summary>Opens a transaction unless one is open; true when the caller owns it and must commit or roll back.</summary>
        public bool BeginTransaction() => _org.Store.BeginTransaction();

        /// <summary>Commits the store's writes and queues the asynchronous steps the transaction raised.</summary>
        public void Commit()
        {
            _org.Store.Commit();
            foreach (var step in _pending) AsyncQueue.Enqueue(step);
            _pending.Clear();
        }

        public void Rollback()
        {
            _org.Store.Rollback();
            _pending.Clear();
        }

        /// <summary>Dataverse's optional parameters for writing data without custom logic (a data migration):
        /// BypassCustomPluginExecution = true skips the synchronous steps; BypassBusinessLogicExecution = "CustomSync",
        /// "CustomAsync" or "CustomSync,CustomAsync" the synchronous, the asynchronous or both. Dataverse also requires the
        /// caller to hold the bypass privilege; the emulator does not model privileges. The parameters do not reach the
        /// core operation.</summary>
        private static (bool Sync, bool Async) Bypassed(OrganizationRequest request)
        {
            bool sync = false, async = false;
            if (request.Parameters.TryGetValue("BypassCustomPluginExecution", out var bypass))
            {
                sync = bypass is true;
                request.Parameters.Remove("BypassCustomPluginExecution");
            }
            if (request.Parameters.TryGetValue("BypassBusinessLogicExecution", out var logic))
            {
                var names = (logic as string ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                sync |= names.Contains("CustomSync");
                async |= names.Contains("CustomAsync");
                request.Parameters.Remove("BypassBusinessLogicExecution");
            }
            return (sync, async);
        }

        /// <summary>The steps that fire for this invocation, by stage then rank: the registered ones less those whose
        /// filtering attributes an Update does not touch and those a bypass parameter skips.</summary>
        private IReadOnlyList<StepRegistration> StepsFor(Invocation invocation, bool skipSync, bool skipAsync)
        {
            var key = (invocation.MessageName, invocation.EntityName);
            if (!_ordered.TryGetValue(key, out var ordered))
                _ordered[key] = ordered = _steps[key].Concat(_steps[(invocation.MessageName, null)]).OrderBy(s => s.Stage).ThenBy(s => s.Rank).ToArray();
            if (ordered.Length == 0) return ordered;
            var changed = invocation.MessageName == "Update" && invocation.Request.Parameters.TryGetValue("Target", out var target) && target is Entity updated
                ? updated.Attributes.Keys : null;
            List<StepRegistration>? firing = null;
            for (var i = 0; i < ordered.Length; i++)
            {
                var step = ordered[i];
                var fires = (changed == null || step.FiresFor(changed)) && !(step.IsAsync ? skipAsync : skipSync);
                if (fires && firing != null) firing.Add(step);
                else if (!fires && firing == null) firing = new List<StepRegistration>(ordered.Take(i));
            }
            return firing ?? (IReadOnlyList<StepRegistration>)ordered;
        }

        private void Execute(StepRegistration step, Invocation invocation, bool isAsync, Entity? postImage = null)
        {
            var context = new ExecutionContext(invocation, step.Stage, isAsync, invocation.Caller.ParentContext, _org.NewOperationId());
            foreach (var image in step.Images)
            {
                if (image.IsPre && invocation.PreImage != null) context.PreEntityImages[image.Alias] = Filter(invocation.PreImage, image);
                if (image.IsPost && postImage != null && step.Stage == 40) context.PostEntityImages[image.Alias] = Filter(postImage, image);
            }
            PluginRunner.Run(_org, step.PluginTypeName, step.UnsecureConfiguration, step.SecureConfiguration, context);
        }

        private static Entity Filter(Entity image, StepImage step) =>
            EntityCopy.Of(image, step.Attributes.Count == 0 ? null : step.Attributes);

        private static OrganizationRequest Copy(OrganizationRequest request)
        {
            var copy = new OrganizationRequest(request.RequestName) { RequestId = request.RequestId };
            foreach (var pair in request.Parameters)
                copy.Parameters[pair.Key] = pair.Value is Entity { Id: var id } addressed && id == Guid.Empty && request.RequestName != "Create"
                    ? EntityCopy.WithKeys(addressed) // an Update or Upsert by alternate key
                    : EntityCopy.Value(pair.Value);
            return copy;
        }
    }

    /// <summary>Who made a request, and so what the pipeline must copy before steps and the core operation use it.</summary>
    internal enum RequestOwner
    {
        /// <summary>The caller built it and may change it afterwards: the pipeline runs a deep copy.</summary>
        Caller,
        /// <summary>A service shortcut or an inner call built it from copies: nothing to copy.</summary>
        Emulator,
        /// <summary>Create's shortcut: the request is the emulator's but its Target is the caller's entity, which the
        /// core operation only reads; it is copied only when a step will run.</summary>
        EmulatorWithCallersTarget,
    }

    /// <summary>An asynchronous step waiting for RunAsyncSteps, with the context it was raised in.</summary>
    internal sealed record QueuedStep(StepRegistration Step, Invocation Invocation, Entity? PostImage);
}
