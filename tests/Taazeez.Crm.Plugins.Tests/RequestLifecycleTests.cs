using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>Every from/to pair of the twelve status reasons, through the emulator and the registered plugin steps
    /// (each case a request brought to its status by the officer, the portal and the committee, then moved by a
    /// committee member): the legal moves (written out here
    /// independently of the plugin's table) succeed, every other move is refused with the lifecycle message naming both
    /// statuses in each language (S7's own message for an early delivery).</summary>
    public class RequestLifecycleTests
    {
        private static readonly (int Value, string En, string Ar)[] Statuses =
        {
            (1, "Draft", "مسودة"), (826000001, "Submitted", "مقدم"), (826000002, "Under verification", "قيد التحقق"),
            (826000003, "Referred to social research", "محال للبحث الاجتماعي"), (826000004, "Awaiting committee", "بانتظار اللجنة"),
            (826000005, "Approved", "موافق عليه"), (826000006, "Partially approved", "موافق عليه جزئيا"), (826000007, "Rejected", "مرفوض"),
            (826000008, "Registration completed", "اكتمل التسجيل"), (826000009, "Service delivered", "تم تقديم الخدمة"),
            (2, "Closed", "مغلق"), (826000010, "Withdrawn", "مسحوب"),
        };

        private static readonly HashSet<string> Legal = new HashSet<string>
        {
            "Draft>Submitted", "Draft>Under verification", "Draft>Withdrawn",
            "Submitted>Draft", "Submitted>Under verification", "Submitted>Referred to social research", "Submitted>Awaiting committee", "Submitted>Withdrawn",
            "Under verification>Draft", "Under verification>Referred to social research", "Under verification>Awaiting committee", "Under verification>Withdrawn",
            "Referred to social research>Draft", "Referred to social research>Awaiting committee", "Referred to social research>Withdrawn",
            "Awaiting committee>Draft", "Awaiting committee>Referred to social research", "Awaiting committee>Approved", "Awaiting committee>Partially approved",
            "Awaiting committee>Rejected", "Awaiting committee>Withdrawn",
            "Approved>Registration completed", "Approved>Withdrawn",
            "Partially approved>Registration completed", "Partially approved>Withdrawn",
            "Rejected>Closed",
            "Registration completed>Service delivered", "Registration completed>Withdrawn",
            "Service delivered>Closed",
        };

        public static TheoryData<int, int> AllPairs()
        {
            var data = new TheoryData<int, int>();
            foreach (var from in Statuses)
                foreach (var to in Statuses)
                    data.Add(from.Value, to.Value);
            return data;
        }

        [Fact]
        [PolicyClause("S1")]
        public void The_pairs_cover_all_twelve_statuses_squared()
        {
            Assert.Equal(144, AllPairs().Count());
            Assert.Equal(29, Legal.Count);
        }

        [Theory]
        [MemberData(nameof(AllPairs))]
        [PolicyClause("S1", "S2", "S3", "S5", "S6", "S7")]
        public void Transition(int from, int to)
        {
            var org = new Org();
            var id = org.NewRequestIn(from);
            Assert.Equal(from, org.StatusOf(id));
            var fromNames = Statuses.Single(s => s.Value == from);
            var toNames = Statuses.Single(s => s.Value == to);

            var change = Org.Change(id, Org.Status(to));
            change["statecode"] = new OptionSetValue(to == 2 || to == 826000010 ? 1 : 0);
            if (from == 826000004 && to is 826000005 or 826000006 or 826000007) change["taz_decisionreasons"] = "أسباب القرار";
            if (from == 826000004 && to == 826000006) change["taz_approvedamount"] = new Money(1000m);
            if (from == 826000002) change["taz_dataverified"] = true;
            void Save() => org.CommitteeService.Update(change);

            if (from == to || Legal.Contains(fromNames.En + ">" + toNames.En))
            {
                Save();
                Assert.True(org.LastPluginCalls <= 1, $"{org.LastPluginCalls} plugin calls");
                Assert.Equal(to, org.StatusOf(id));
            }
            else if (to == 826000009)
            {
                org.Refused(Save, "S7.DeliveryNeedsApproval");
                Assert.Equal(from, org.StatusOf(id));
            }
            else
            {
                org.RefusedWith(Save, PolicyText.Arabic("S1.IllegalTransition", fromNames.Ar, toNames.Ar), PolicyText.English("S1.IllegalTransition", fromNames.En, toNames.En));
                Assert.Equal(from, org.StatusOf(id));
            }
        }
    }
}
