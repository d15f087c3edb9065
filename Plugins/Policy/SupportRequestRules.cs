using System;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>Runs every rule on one Create or Update of a support request, in the order the policy reads
    /// (C channel, S2 data, S4 declaration, S2 verification, lifecycle, S5 decision, S6 registration, S7 delivery),
    /// amending the target with the system's stamps. All checks that need no data run first; then at most ONE query
    /// is made, chosen by what the change does: the duplicate check (a new or re-targeted request), the environment
    /// variables (a submission, or the verification of a portal submission) or the committee role (a decision).
    /// The rules are arranged so that no single save needs two of them.</summary>
    [PolicyClause("S1", "S2", "S4", "S5", "S6", "S7", "C7", "T4")]
    internal static class SupportRequestRules
    {
        /// <summary>Applies the rules; throws InvalidPluginExecutionException ("ar | en") when the change is refused.
        /// Returns how many service calls were made (0 or 1).</summary>
        public static int Apply(RequestChange change, IOrganizationService service)
        {
            StripSystemColumns(change);
            Fail(C_ChannelRule.Apply(change));
            Fail(S2_RequestDataRule.CheckPlausible(change.Target));

            var from = change.IsCreate ? RequestStatus.Draft : PolicyValues.Option(change.Before, RequestColumns.StatusCode) ?? RequestStatus.Draft;
            var to = RequestedStatus(change.Target) ?? from;
            if (change.IsCreate && to != RequestStatus.Draft && !(change.IsPortal && (to == RequestStatus.Submitted || to == RequestStatus.UnderVerification)))
                Fail(new PolicyViolation(PolicyMessages.S1_NewRequestIsDraft));
            if (!change.IsCreate && !RequestStatus.IsKnown(from)) Fail(new PolicyViolation(PolicyMessages.S2_InvalidValue, RequestColumns.StatusCode));

            // A decision given as its outcome only moves the request to the matching status (the same outcome sent again is no decision).
            var outcome = PolicyValues.Option(change.Target, RequestColumns.Decision);
            if (outcome.HasValue && to == from && change.Changes(RequestColumns.Decision))
                to = DecisionOutcome.StatusFor(outcome.Value) ?? throw new PolicyViolation(PolicyMessages.S2_InvalidValue, RequestColumns.Decision).ToException();

            Fail(S5_CommitteeClockRule.CheckLock(change, from));

            var declaration = S4_DeclarationRule.Apply(change, from, to, out var changedDeclared);
            var returnedToDraft = false;
            if (declaration == S4_DeclarationRule.Outcome.Voided && from != RequestStatus.Draft)
            {
                to = RequestStatus.Draft;
                returnedToDraft = true;
            }
            S2_VerificationRule.Apply(change, changedDeclared.Count > 0);

            if (change.IsPortal)
            {
                // A portal submission is the signed application itself; it waits for the officer's verification (S2).
                if (from == RequestStatus.Draft && (to == RequestStatus.Submitted || (change.IsCreate && declaration == S4_DeclarationRule.Outcome.Signed)))
                    to = RequestStatus.UnderVerification;
                if (to != from && !(from == RequestStatus.Draft && to == RequestStatus.UnderVerification) && to != RequestStatus.Withdrawn && !returnedToDraft)
                    Fail(RequestLifecycle.IllegalTransition(from, to));
            }

            if (to != from && !RequestLifecycle.IsLegal(from, to))
                Fail(to == RequestStatus.ServiceDelivered ? new PolicyViolation(PolicyMessages.S7_DeliveryNeedsApproval) : RequestLifecycle.IllegalTransition(from, to));

            if (to == RequestStatus.Draft && from != RequestStatus.Draft)
            {
                // Back to the applicant: the verification and the committee clock start again at the next submission.
                S2_VerificationRule.Clear(change);
                change.Set(RequestColumns.SubmittedOn, null);
                change.Set(RequestColumns.CommitteeDueOn, null);
                change.Trace($"S1: request returned to draft from {RequestStatus.English(from)}");
            }

            var staffSubmission = !change.IsPortal && from == RequestStatus.Draft && to == RequestStatus.Submitted;
            var portalSubmission = from == RequestStatus.Draft && to == RequestStatus.UnderVerification;
            var verifiesPortalSubmission = !change.IsPortal && from == RequestStatus.UnderVerification && to != RequestStatus.Draft
                && S2_VerificationRule.IsVerified(change.After) && !PolicyValues.Date(change.Before, RequestColumns.CommitteeDueOn).HasValue;
            var decision = to != from && (to == RequestStatus.Approved || to == RequestStatus.PartiallyApproved || to == RequestStatus.Rejected);
            var duplicateCheck = S2_DuplicateRequestRule.NeedsCheck(change, to);
            var settingsNeeded = staffSubmission || verifiesPortalSubmission;
            if (duplicateCheck && (settingsNeeded || decision)) Fail(new PolicyViolation(PolicyMessages.S2_SaveBeforeSubmit));

            // Checks that need no data from the service.
            var after = change.After;
            if (staffSubmission || portalSubmission)
            {
                Fail(S2_RequestDataRule.CheckComplete(after));
                if (!S4_DeclarationRule.IsValid(after)) Fail(new PolicyViolation(PolicyMessages.S4_DeclarationNotSigned));
            }
            if (staffSubmission || ((from == RequestStatus.Submitted || from == RequestStatus.UnderVerification)
                && (to == RequestStatus.ReferredToResearch || to == RequestStatus.AwaitingCommittee)))
            {
                if (!S2_VerificationRule.IsVerified(after)) Fail(new PolicyViolation(PolicyMessages.S2_VerificationRequired));
            }
            if (decision)
            {
                if (change.IsPortal) Fail(new PolicyViolation(PolicyMessages.S5_CommitteeRoleRequired));
                Fail(S5_CommitteeClockRule.Decide(change, to));
            }
            if (to == RequestStatus.RegistrationCompleted && from != to)
            {
                Fail(S2_RequestDataRule.CheckComplete(after));
                var decided = PolicyValues.Option(after, RequestColumns.Decision);
                if (!decided.HasValue || DecisionOutcome.StatusFor(decided.Value) != from || PolicyValues.IsBlank(PolicyValues.Text(after, RequestColumns.DecisionReasons)))
                    Fail(new PolicyViolation(PolicyMessages.S6_RegistrationIncomplete));
                change.Set(RequestColumns.RegistrationCompletedOn, change.Now);
                change.Trace("S6: registration completed on " + PolicyValues.Iso(change.Now));
            }
            if (to == RequestStatus.ServiceDelivered && from != to)
            {
                change.Set(RequestColumns.DeliveredOn, change.Now);
                change.Trace("S7: service delivered on " + PolicyValues.Iso(change.Now));
            }
            if (portalSubmission)
            {
                change.Set(RequestColumns.SubmittedOn, change.Now);
                change.Trace("S2: portal submission on " + PolicyValues.Iso(change.Now) + ", awaiting the officer's verification");
            }

            // At most one service call.
            var calls = 0;
            if (duplicateCheck)
            {
                calls++;
                Fail(S2_DuplicateRequestRule.Found(service.RetrieveMultiple(S2_DuplicateRequestRule.Query(change))));
            }
            else if (settingsNeeded)
            {
                calls++;
                var settings = PolicySettings.Read(service, PolicySettings.RequestSettings());
                var current = settings.DeclarationVersion;
                var signed = PolicyValues.Text(after, RequestColumns.DeclarationVersion)?.Trim();
                if (current != null && !string.Equals(current, signed, StringComparison.Ordinal))
                    Fail(new PolicyViolation(PolicyMessages.S4_DeclarationOutdated, signed ?? "—", current));
                Fail(S2_RequestDataRule.CheckCeiling(after, settings));
                var submittedOn = staffSubmission ? change.Now : PolicyValues.Date(change.Before, RequestColumns.SubmittedOn) ?? change.Now;
                if (staffSubmission) change.Set(RequestColumns.SubmittedOn, submittedOn);
                S5_CommitteeClockRule.StartClock(change, submittedOn, settings.CommitteePeriodDays);
            }
            else if (decision)
            {
                calls++;
                Fail(S5_CommitteeClockRule.RoleFound(service.RetrieveMultiple(S5_CommitteeClockRule.RoleQuery(change.CallerId))));
            }

            if (to != from || change.Target.Contains(RequestColumns.StatusCode) || change.Target.Contains(RequestColumns.StateCode))
                change.SetStatus(to);
            if (to != from) change.Trace($"S1: {RequestStatus.English(from)} -> {RequestStatus.English(to)}");
            return calls;
        }

        /// <summary>The status reason the caller asks for: the statuscode sent, else the default of the statecode sent.</summary>
        public static int? RequestedStatus(Entity target)
        {
            var status = PolicyValues.Option(target, RequestColumns.StatusCode);
            if (status.HasValue)
            {
                if (!RequestStatus.IsKnown(status.Value)) Fail(new PolicyViolation(PolicyMessages.S2_InvalidValue, RequestColumns.StatusCode));
                var state = PolicyValues.Option(target, RequestColumns.StateCode);
                if (state.HasValue && state.Value != RequestStatus.StateOf(status.Value)) Fail(new PolicyViolation(PolicyMessages.S2_InvalidValue, RequestColumns.StateCode));
                return status;
            }
            var onlyState = PolicyValues.Option(target, RequestColumns.StateCode);
            if (!onlyState.HasValue) return null;
            if (onlyState.Value != 0 && onlyState.Value != 1) Fail(new PolicyViolation(PolicyMessages.S2_InvalidValue, RequestColumns.StateCode));
            return RequestStatus.DefaultFor(onlyState.Value);
        }

        private static void StripSystemColumns(RequestChange change)
        {
            foreach (var column in RequestColumns.SystemOwned)
            {
                if (!change.Target.Contains(column)) continue;
                change.Target.Attributes.Remove(column);
                change.Trace($"{column}: set by the system only; the value sent was discarded");
            }
        }

        private static void Fail(PolicyViolation? violation)
        {
            if (violation != null) throw violation.ToException();
        }
    }
}
