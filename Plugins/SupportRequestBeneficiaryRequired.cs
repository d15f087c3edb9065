using Taazeez.Crm.Policy;

namespace Taazeez.Crm.Plugins
{
    /// <summary>Pre-validation of Create and Update of taz_supportrequest (filtering attribute taz_beneficiaryid):
    /// rejects a request without its beneficiary before anything is written.</summary>
    [PolicyClause("S2", "T4")]
    public sealed class SupportRequestBeneficiaryRequired : PluginBase
    {
        public SupportRequestBeneficiaryRequired(string? unsecureConfiguration, string? secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration) { }

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            var target = context.Target;
            if (target == null) return;
            var message = S2_BeneficiaryLinkRule.Check(target, context.PluginExecutionContext.MessageName == "Create");
            if (message != null) throw message.ToException();
        }
    }
}
