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

        public OrganizationResponse Run(OrganizationRequest request, Caller caller)
        {
            if (caller.Depth > MaxDepth)
                throw DataverseFaults.Create(DataverseFaults.MaxDepthExceeded,
                    "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again.");
            var invocation = new Invocation(Copy(request), caller, _org.Clock.UtcNow, _org.NewOperationId());
            var (skipSync, skipAsync) = Bypassed(invocation.Request);
            CoreOperations.Prepare(invocation, _org);
            var steps = StepsFor(invocation);
            if (skipSync || skipAsync) steps.RemoveAll(s => s.IsAsync ? skipAsync : skipSync);
            if (steps.Any(s => s.Images.Any(i => i.IsPre)) && invocation.EntityName != null && invocation.EntityId != Guid.Empty)
                invocation.PreImage = _org.Store.Find(invocation.EntityName, invocation.EntityId) is { } row ? EntityCopy.Of(row) : null;

            foreach (var step in steps.Where(s => s.Stage == 10)) Execute(step, invocation, isAsync: false);

            var ownsTransaction = BeginTransaction();
            try
            {
                foreach (var step in steps.Where(s => s.Stage == 20)) Execute(step, invocation, isAsync: false);
                CoreOperations.Execute(invocation, _org);
                Entity? postImage = null;
                if (steps.Any(s => s.Stage == 40 && s.Images.Any(i => i.IsPost)) && invocation.EntityName != null)
                    postImage = _org.Store.Find(invocation.EntityName, invocation.EntityId) is { } row ? EntityCopy.Of(row) : null;
                foreach (var step in steps.Where(s => s.Stage == 40))
                {
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
        public bool BeginTransaction()
        {
            if (_org.Store.Journal != null) return false;
            _org.Store.Journal = new List<Action>();
            return true;
        }

        public void Commit()
        {
            _org.Store.Journal = null;
            foreach (var step in _pending) AsyncQueue.Enqueue(step);
            _pending.Clear();
        }

        public void Rollback()
        {
            var journal = _org.Store.Journal!;
            for (var i = journal.Count - 1; i >= 0; i--) journal[i]();
            _org.Store.Journal = null;
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

        private List<StepRegistration> StepsFor(Invocation invocation)
        {
            var key = (invocation.MessageName, invocation.EntityName);
            if (!_ordered.TryGetValue(key, out var ordered))
                _ordered[key] = ordered = _steps[key].Concat(_steps[(invocation.MessageName, null)]).OrderBy(s => s.Stage).ThenBy(s => s.Rank).ToArray();
            var steps = new List<StepRegistration>(ordered.Length);
            var filtered = invocation.MessageName == "Update" && invocation.Request.Parameters.TryGetValue("Target", out var target) && target is Entity;
            foreach (var step in ordered)
                if (!filtered || step.FiresFor(((Entity)invocation.Request.Parameters["Target"]).Attributes.Keys)) steps.Add(step);
            return steps;
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
            foreach (var pair in request.Parameters) copy.Parameters[pair.Key] = EntityCopy.Value(pair.Value);
            return copy;
        }
    }

    /// <summary>An asynchronous step waiting for RunAsyncSteps, with the context it was raised in.</summary>
    internal sealed record QueuedStep(StepRegistration Step, Invocation Invocation, Entity? PostImage);
}
