using Taazeez.Crm.Policy;

namespace Taazeez.Crm.Plugins
{
    /// <summary>Pre-validation (stage 10) of Create and Update of taz_beneficiary: national ID / iqama, mobile,
    /// household size and income (S2), and one file per national ID — found with one bounded query so the officer is
    /// sent to the existing file before the alternate key refuses the save.</summary>
    [PolicyClause("S2")]
    public sealed class BeneficiaryValidation : PluginBase
    {
        public const string PreImageName = "PreImage";
        public const int MaxDepth = 4;

        public BeneficiaryValidation(string? unsecureConfiguration, string? secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration) { }

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            if (context.CreateOrUpdateTarget(S2_BeneficiaryDataRule.Entity, MaxDepth) is not { } target) return;
            var execution = context.PluginExecutionContext;
            var isCreate = context.IsCreate;
            var before = isCreate ? null : context.PreImage(PreImageName);
            var violation = S2_BeneficiaryDataRule.Check(target, before);
            if (violation != null) throw violation.ToException();
            var nationalId = S2_BeneficiaryDataRule.NationalIdToCheck(target, before);
            if (nationalId == null) return;
            var selfId = isCreate ? target.Id : execution.PrimaryEntityId;
            var duplicate = S2_BeneficiaryDataRule.DuplicateFound(context.SystemService.RetrieveMultiple(S2_BeneficiaryDataRule.DuplicateQuery(nationalId, selfId)));
            if (duplicate != null) throw duplicate.ToException();
            context.Trace("S2: national ID is valid and not on another file");
        }
    }
}
