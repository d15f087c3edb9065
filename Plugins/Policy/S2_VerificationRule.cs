using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>S2: the officer matches the data and confirms it is valid at the time of submission. The stamp
    /// (taz_verifiedby = the calling user, taz_verifiedon = the operation time) is written by the system only; a
    /// change of the declared data clears it; a portal caller can never verify, so a portal submission stays
    /// awaiting verification.</summary>
    [PolicyClause("S2")]
    internal static class S2_VerificationRule
    {
        /// <summary>Applies the verification flag and stamp; <paramref name="dataChanged"/> says whether the declared data changed.</summary>
        public static void Apply(RequestChange change, bool dataChanged)
        {
            var column = RequestColumns.DataVerified;
            if (change.IsPortal)
            {
                if (change.IsCreate) change.Set(column, false);
                else if (change.Target.Contains(column))
                {
                    change.Target.Attributes.Remove(column);
                    change.Trace("S2: a portal caller cannot verify the data; value discarded");
                }
                if (!dataChanged || PolicyValues.Bool(change.Before, column) != true) return;
            }
            var requested = PolicyValues.Bool(change.Target, column);
            var wasVerified = PolicyValues.Bool(change.Before, column) == true;
            if (requested == true && (!wasVerified || dataChanged))
            {
                change.Set(RequestColumns.VerifiedBy, new EntityReference("systemuser", change.CallerId));
                change.Set(RequestColumns.VerifiedOn, change.Now);
                change.Trace($"S2: data verified by {change.CallerId:D} on {PolicyValues.Iso(change.Now)}");
            }
            else if (requested == false || (dataChanged && wasVerified && requested != true))
            {
                if (wasVerified) change.Trace("S2: verification cleared" + (dataChanged ? " (the declared data changed)" : ""));
                Clear(change);
            }
        }

        public static void Clear(RequestChange change)
        {
            change.Set(RequestColumns.DataVerified, false);
            change.Set(RequestColumns.VerifiedBy, null);
            change.Set(RequestColumns.VerifiedOn, null);
        }

        public static bool IsVerified(Entity after) =>
            PolicyValues.Bool(after, RequestColumns.DataVerified) == true && PolicyValues.Reference(after, RequestColumns.VerifiedBy) != null;
    }
}
