using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;
using Taazeez.Crm.WorkflowActivities;

namespace Taazeez.Crm.Workflows.Tests
{
    public class EscalationTests
    {
        [Fact]
        [PolicyClause("S5")]
        public void Only_pending_requests_past_their_due_date_are_flagged_for_the_committee_head_once()
        {
            var s = new Scenario();
            var head = s.Emulator.AddUser("Committee head", new Guid("66e5a571-44fe-4473-af39-b181ca8496bb"));
            var beneficiary = s.Beneficiary(null);
            var overdue = s.Request(beneficiary, status: EntityNames.StatusAwaitingCommittee, committeeDueOn: s.Now.AddDays(-3));
            var notYet = s.Request(beneficiary, status: EntityNames.StatusAwaitingCommittee, committeeDueOn: s.Now.AddDays(2));
            var decided = s.Request(beneficiary, status: 826000005, committeeDueOn: s.Now.AddDays(-3));
            var escalation = new OverdueEscalation(s.Service, s.Trace);

            var tasks = escalation.EscalateAll(head, s.Now);
            var again = escalation.EscalateAll(head, s.Now.AddHours(1));

            var task = Assert.Single(tasks);
            Assert.Equal(task.Id, Assert.Single(again).Id);
            var row = Assert.Single(s.Rows("task"));
            Assert.Equal(overdue.Id, row.GetAttributeValue<EntityReference>("regardingobjectid").Id);
            Assert.Equal(head, row.GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("3", row.GetAttributeValue<string>("description"));
            Assert.Contains(CommitteeDueDate.HijriTextAr(s.Now.AddDays(-3)), row.GetAttributeValue<string>("description"));
            Assert.Null(escalation.EscalateIfOverdue(notYet, head, s.Now));
            Assert.Null(escalation.EscalateIfOverdue(decided, head, s.Now));
        }
    }
}
