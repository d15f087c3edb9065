using Taazeez.Crm.Policy;

namespace Taazeez.Crm.Plugins
{
    /// <summary>Pre-validation (stage 10) of Create and Update (filtering attribute taz_supportrequestid) of
    /// taz_servicedelivery: the service is delivered only for an approved request whose registration is complete (S7).
    /// One bounded query for the request's status.</summary>
    [PolicyClause("S7", "S6")]
    public sealed class ServiceDeliveryValidation : PluginBase
    {
        public const int MaxDepth = 4;

        public ServiceDeliveryValidation(string? unsecureConfiguration, string? secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration) { }

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            if (context.CreateOrUpdateTarget(S7_ServiceDeliveryRule.Entity, MaxDepth) is not { } target) return;
            var isCreate = context.IsCreate;
            var request = S7_ServiceDeliveryRule.RequestToCheck(target, isCreate, out var missing);
            if (missing != null) throw missing.ToException();
            if (request == null) return;
            var violation = S7_ServiceDeliveryRule.Check(context.SystemService.RetrieveMultiple(S7_ServiceDeliveryRule.Query(request.Id)));
            if (violation != null) throw violation.ToException();
            context.Trace($"S7: request {request.Id:D} is registered; delivery accepted");
        }
    }
}
