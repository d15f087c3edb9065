using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>C1–C8: every request records the channel it came through, one of exactly the eight channels of the
    /// policy; a request made on the association's website (a Power Pages call) is C7 whatever the page sent.</summary>
    [PolicyClause("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8")]
    internal static class C_ChannelRule
    {
        public const int C1 = 826000001;
        public const int C7 = 826000007;
        public const int C8 = 826000008;

        public static bool IsPolicyChannel(int value) => value >= C1 && value <= C8;

        public static PolicyViolation? Apply(RequestChange change)
        {
            var column = RequestColumns.Channel;
            if (change.IsPortal)
            {
                if (change.IsCreate)
                {
                    change.Set(column, new OptionSetValue(C7));
                    change.Trace("C7: portal request, channel set to C7");
                }
                else if (change.Target.Contains(column))
                {
                    change.Target.Attributes.Remove(column);
                    change.Trace("C7: a portal caller cannot change the channel; value discarded");
                }
                return null;
            }
            if (!change.IsCreate && !change.Target.Contains(column)) return null;
            var channel = PolicyValues.Option(change.Target, column);
            return channel.HasValue && IsPolicyChannel(channel.Value) ? null : new PolicyViolation(PolicyMessages.C_ChannelRequired);
        }
    }
}
