namespace Taazeez.Crm.Policy
{
    /// <summary>S1–S7: the legal moves of a support request between its status reasons, as ONE table.
    /// Draft → Submitted (staff, verified, S2) or Under verification (portal submission awaiting the officer, S2) →
    /// Referred to social research (S3) ↔ Awaiting committee → Approved / Partially approved / Rejected (S5) →
    /// Registration completed (S6) → Service delivered (S7) → Closed. Until the committee decides, a request can go back
    /// to Draft (the applicant's declaration was voided or the officer returns it) or be withdrawn.</summary>
    [PolicyClause("S1", "S2", "S3", "S5", "S6", "S7")]
    internal static class RequestLifecycle
    {
        /// <summary>The table: for each status reason, the status reasons a request may move to in one step.</summary>
        public static int[] Next(int from) => from switch
        {
            RequestStatus.Draft => new[] { RequestStatus.Submitted, RequestStatus.UnderVerification, RequestStatus.Withdrawn },
            RequestStatus.Submitted => new[] { RequestStatus.Draft, RequestStatus.UnderVerification, RequestStatus.ReferredToResearch, RequestStatus.AwaitingCommittee, RequestStatus.Withdrawn },
            RequestStatus.UnderVerification => new[] { RequestStatus.Draft, RequestStatus.ReferredToResearch, RequestStatus.AwaitingCommittee, RequestStatus.Withdrawn },
            RequestStatus.ReferredToResearch => new[] { RequestStatus.Draft, RequestStatus.AwaitingCommittee, RequestStatus.Withdrawn },
            RequestStatus.AwaitingCommittee => new[] { RequestStatus.Draft, RequestStatus.ReferredToResearch, RequestStatus.Approved, RequestStatus.PartiallyApproved, RequestStatus.Rejected, RequestStatus.Withdrawn },
            RequestStatus.Approved => new[] { RequestStatus.RegistrationCompleted, RequestStatus.Withdrawn },
            RequestStatus.PartiallyApproved => new[] { RequestStatus.RegistrationCompleted, RequestStatus.Withdrawn },
            RequestStatus.Rejected => new[] { RequestStatus.Closed },
            RequestStatus.RegistrationCompleted => new[] { RequestStatus.ServiceDelivered, RequestStatus.Withdrawn },
            RequestStatus.ServiceDelivered => new[] { RequestStatus.Closed },
            _ => new int[0], // Closed, Withdrawn: final; unknown values lead nowhere
        };

        /// <summary>True when a request may move from one status reason to another; staying put is always legal.</summary>
        public static bool IsLegal(int from, int to)
        {
            if (from == to) return RequestStatus.IsKnown(from);
            return System.Array.IndexOf(Next(from), to) >= 0;
        }

        public static PolicyViolation IllegalTransition(int from, int to) =>
            new PolicyViolation(PolicyMessages.S1_IllegalTransition,
                new object[] { RequestStatus.Arabic(from), RequestStatus.Arabic(to) },
                new object[] { RequestStatus.English(from), RequestStatus.English(to) });
    }
}
