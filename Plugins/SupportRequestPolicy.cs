using Taazeez.Crm.Policy;

namespace Taazeez.Crm.Plugins
{
    /// <summary>Pre-operation (stage 20) of Create and Update of taz_supportrequest: the request rules of
    /// <see cref="SupportRequestRules"/> — channel (C1–C8, C7 for the portal), data and duplicates (S2), the officer's
    /// verification stamp (S2), the signed declaration (S4), the committee clock and decision (S5) and the lifecycle
    /// through registration (S6) and delivery (S7). Update reads the row before the change from the pre-image
    /// "PreImage"; at most one query per save.</summary>
    [PolicyClause("S1", "S2", "S4", "S5", "S6", "S7", "C7", "T4")]
    public sealed class SupportRequestPolicy : PluginBase
    {
        public const string PreImageName = "PreImage";

        /// <summary>Deeper calls come from other plugins' own writes; the rules already ran for the user's call.</summary>
        public const int MaxDepth = 4;

        public SupportRequestPolicy(string? unsecureConfiguration, string? secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration) { }

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            if (context.CreateOrUpdateTarget(RequestColumns.Entity, MaxDepth) is not { } target) return;
            var execution = context.PluginExecutionContext;
            var isCreate = context.IsCreate;
            var before = isCreate ? null : context.PreImage(PreImageName);
            if (!isCreate && before == null)
                throw new Microsoft.Xrm.Sdk.InvalidPluginExecutionException($"{nameof(SupportRequestPolicy)}: the Update step must register the pre-image '{PreImageName}'.");
            var change = new RequestChange(target, before, isCreate, context.IsPortalCall, execution.InitiatingUserId, execution.OperationCreatedOn, context.Trace);
            SupportRequestRules.Apply(change, context.SystemService);
        }
    }
}
