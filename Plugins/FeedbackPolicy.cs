using Taazeez.Crm.Policy;

namespace Taazeez.Crm.Plugins
{
    /// <summary>Pre-operation (stage 20) of Create and Update of taz_feedback (S1, G3, C7): inquiries and complaints are
    /// answered before they close, the answer is stamped by the system, website feedback is C7. No service call:
    /// the pre-image carries what the rule needs. SetState arrives here as an Update of statecode/statuscode.</summary>
    [PolicyClause("S1", "G3", "C7")]
    public sealed class FeedbackPolicy : PluginBase
    {
        public const string PreImageName = "PreImage";
        public const int MaxDepth = 4;

        public FeedbackPolicy(string? unsecureConfiguration, string? secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration) { }

        protected override void ExecuteDataversePlugin(LocalPluginContext context)
        {
            if (context.CreateOrUpdateTarget(S1_AnswerEveryQuestionRule.Entity, MaxDepth) is not { } target) return;
            var execution = context.PluginExecutionContext;
            var isCreate = context.IsCreate;
            var violation = S1_AnswerEveryQuestionRule.Apply(target, isCreate ? null : context.PreImage(PreImageName),
                execution.UserId, execution.OperationCreatedOn, context.IsPortalCall, context.Trace);
            if (violation != null) throw violation.ToException();
        }
    }
}
