using System.Collections.Generic;

namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>taz_contactmethod values; their order in docs/data-model.md is the notification fallback order.</summary>
    public static class ContactMethod
    {
        public const int Sms = 826000001;
        public const int Email = 826000002;
        public const int PortalNotification = 826000003;
        public const int Letter = 826000004;
        public const int PhoneCall = 826000005;

        public static readonly IReadOnlyList<int> FallbackOrder = new[] { Sms, Email, PortalNotification, Letter, PhoneCall };

        /// <summary>The preferred method first, then the following methods in data-model order, wrapping round once.</summary>
        public static IEnumerable<int> AttemptOrder(int? preferred)
        {
            int start = preferred.HasValue ? IndexOf(preferred.Value) : 0;
            if (start < 0) start = 0;
            for (int i = 0; i < FallbackOrder.Count; i++) yield return FallbackOrder[(start + i) % FallbackOrder.Count];
        }

        public static string NameOf(int method)
        {
            switch (method)
            {
                case Sms: return "SMS";
                case Email: return "Email";
                case PortalNotification: return "Portal notification";
                case Letter: return "Letter";
                case PhoneCall: return "Phone call";
                default: return method.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        private static int IndexOf(int method)
        {
            for (int i = 0; i < FallbackOrder.Count; i++) if (FallbackOrder[i] == method) return i;
            return -1;
        }
    }
}
