using Taazeez.Crm.Policy;

namespace Taazeez.Crm.Plugins
{
    /// <summary>Pre-validation (stage 10) of Create and Update of taz_committeedecision: only a committee member
    /// records a decision, always with reasons; taz_decidedby is stamped with the caller (S5). One bounded query
    /// (the caller's committee role).</summary>
    [PolicyClause("S5")]
    public sealed class CommitteeDecisionValidation : PluginBase
    {
        public const string PreImageName = "PreImage";
        public const int MaxDepth = 4;

        public CommitteeDecisionValidation(string? unsecureConfiguration, string? secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration) { }

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            if (context.CreateOrUpdateTarget(S5_CommitteeDecisionRule.Entity, MaxDepth) is not { } target) return;
            var execution = context.PluginExecutionContext;
            var isCreate = context.IsCreate;
            if (context.IsPortalCall) throw new PolicyViolation(PolicyMessages.S5_CommitteeRoleRequired).ToException();
            var violation = S5_CommitteeDecisionRule.Check(target, isCreate ? null : context.PreImage(PreImageName), execution.InitiatingUserId);
            if (violation != null) throw violation.ToException();
            var role = S5_CommitteeClockRule.RoleFound(context.SystemService.RetrieveMultiple(S5_CommitteeClockRule.RoleQuery(execution.InitiatingUserId)));
            if (role != null) throw role.ToException();
            context.Trace($"S5: committee decision recorded by {execution.InitiatingUserId:D}");
        }
    }
}
