using System;
using Microsoft.Xrm.Sdk;

// Plugins that exist only to observe and provoke the emulator's pipeline; TestSolution registers them.
namespace Taazeez.Crm.Emulator.Tests.Pipeline
{
    /// <summary>Traces what the context shows at each stage: stage, depth, images, shared variables, portal caller.</summary>
    public sealed class ContextProbe : IPlugin
    {
        private readonly string? _unsecure;
        private readonly string? _secure;

        public ContextProbe(string? unsecure, string? secure)
        {
            _unsecure = unsecure;
            _secure = secure;
        }

        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext2)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var tracing = (ITracingService)serviceProvider.GetService(typeof(ITracingService))!;
            if (context.Stage == 20) context.SharedVariables["fromPreOperation"] = "shared";
            var pre = context.PreEntityImages.TryGetValue("Before", out var before) ? before.GetAttributeValue<string>("taz_mobile") : "none";
            var post = context.PostEntityImages.TryGetValue("After", out var after) ? after.GetAttributeValue<string>("taz_mobile") : "none";
            var shared = context.SharedVariables.TryGetValue("fromPreOperation", out var value) ? value : "none";
            tracing.Trace($"stage={context.Stage} depth={context.Depth} pre={pre} post={post} shared={shared} " +
                $"preColumns={(before == null ? 0 : before.Attributes.Count)} portal={context.IsPortalsClientCall}:{context.PortalsContactId} " +
                $"config={_unsecure}/{_secure} user={context.UserId} initiating={context.InitiatingUserId} transaction={context.IsInTransaction}");
        }
    }

    /// <summary>Post-operation on Create of feedback: writes a related note, then fails, so the whole
    /// transaction (the feedback and the note) must roll back.</summary>
    public sealed class FailAfterRelatedWrite : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var factory = (IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!;
            var service = factory.CreateOrganizationService(context.UserId);
            var target = (Entity)context.InputParameters["Target"];
            service.Create(new Entity("annotation")
            {
                ["subject"] = "written before the failure",
                ["objectid"] = new EntityReference("taz_feedback", context.PrimaryEntityId),
            });
            if (target.GetAttributeValue<string>("taz_details") == "fail")
                throw new InvalidPluginExecutionException("فشل متعمد | deliberate failure");
        }
    }

    /// <summary>Updates the branch office it fires on, so it triggers itself until the depth limit stops it.</summary>
    public sealed class SelfTrigger : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
            var target = (Entity)context.InputParameters["Target"];
            service.Update(new Entity("taz_branchoffice", context.PrimaryEntityId) { ["taz_address"] = target.GetAttributeValue<string>("taz_address") + "+" });
        }
    }

    /// <summary>Asynchronous post-operation on Create of a household member: leaves a note when the async service runs it.</summary>
    public sealed class AsyncNote : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var service = ((IOrganizationServiceFactory)serviceProvider.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(null);
            service.Create(new Entity("annotation")
            {
                ["subject"] = "async mode " + context.Mode,
                ["objectid"] = new EntityReference("taz_householdmember", context.PrimaryEntityId),
            });
        }
    }

    /// <summary>Pre-operation: changes the target before the core operation saves it.</summary>
    public sealed class UppercaseAddress : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var context = (IPluginExecutionContext)serviceProvider.GetService(typeof(IPluginExecutionContext))!;
            var target = (Entity)context.InputParameters["Target"];
            if (target.GetAttributeValue<string>("taz_address") is { } address) target["taz_address"] = address.ToUpperInvariant();
        }
    }
}
