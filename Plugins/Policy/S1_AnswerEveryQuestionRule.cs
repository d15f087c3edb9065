using System;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>S1 "answer every question" (with G3): an inquiry or a complaint is not closed before it is answered;
    /// who answered and when is stamped by the system from the caller, never typed; the answer is the staff's, so a
    /// portal caller cannot write it; feedback sent from the website is C7.</summary>
    [PolicyClause("S1", "G3", "C7")]
    internal static class S1_AnswerEveryQuestionRule
    {
        public const string Entity = "taz_feedback";
        public const string Type = "taz_feedbacktype";
        public const string Response = "taz_response";
        public const string RespondedOn = "taz_respondedon";
        public const string RespondedBy = "taz_respondedby";
        public const string Channel = "taz_channel";
        public const int Inquiry = 826000001;
        public const int Complaint = 826000003;
        private const int Closed = 1;

        /// <summary>Checks the change and completes the target in place (stamps, channel); null when accepted.</summary>
        public static PolicyViolation? Apply(Entity target, Entity? before, Guid callerId, DateTime now, bool isPortal, Action<string> trace)
        {
            // The stamps are the system's: typed values are dropped before anything else looks at them.
            foreach (var stamp in new[] { RespondedOn, RespondedBy })
                if (target.Attributes.Remove(stamp)) trace($"S1: {stamp} is set by the system; typed value discarded");

            if (isPortal)
            {
                if (target.Contains(Response) && !PolicyValues.IsBlank(PolicyValues.Text(target, Response)))
                    return new PolicyViolation(PolicyMessages.S1_ResponseIsStaffs);
                if (before == null)
                {
                    target[Channel] = new OptionSetValue(C_ChannelRule.C7);
                    trace("C7: feedback sent from the website");
                }
            }

            if (PolicyValues.Changes(target, before, Response) && !PolicyValues.IsBlank(PolicyValues.Text(target, Response)))
            {
                target[RespondedOn] = now;
                target[RespondedBy] = new EntityReference("systemuser", callerId);
                trace($"S1: answered by {callerId:D} on {PolicyValues.Iso(now)}");
            }

            var closing = PolicyValues.Option(target, "statecode") == Closed && PolicyValues.Option(before, "statecode") != Closed;
            var type = PolicyValues.Option(PolicyValues.Merge(target, before), Type);
            var answer = PolicyValues.Text(PolicyValues.Merge(target, before), Response);
            if (closing && type is Inquiry or Complaint && PolicyValues.IsBlank(answer))
                return new PolicyViolation(PolicyMessages.S1_AnswerBeforeClosing);
            return null;
        }
    }
}
