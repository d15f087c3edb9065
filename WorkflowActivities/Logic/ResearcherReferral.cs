using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities
{
    /// <summary>Result of a referral: who got the request and the rows written for it.</summary>
    public sealed class ReferralOutcome
    {
        public ReferralOutcome(EntityReference researcher, EntityReference referral, EntityReference task, bool created)
        {
            Researcher = researcher; Referral = referral; Task = task; Created = created;
        }

        public EntityReference Researcher { get; }
        public EntityReference Referral { get; }
        public EntityReference Task { get; }
        public bool Created { get; }
    }

    /// <summary>S3: refers a support request to the social researcher with the fewest open referrals in the
    /// request's branch. Ties go to the smaller user id (a stable order that does not depend on names or
    /// query order). A retried step finds the open referral it already made and changes nothing.</summary>
    [PolicyClause("S3")]
    public sealed class ResearcherReferral
    {
        // Researchers are few per branch; the bound keeps the query cheap even if roles are misassigned.
        private const int MaxCandidates = 500;
        private const int MaxOpenReferrals = 5000;
        private const int TaskDueDays = 3;

        private readonly IOrganizationService _service;
        private readonly ITracingService _trace;

        public ResearcherReferral(IOrganizationService service, ITracingService trace)
        {
            _service = service;
            _trace = trace;
        }

        public ReferralOutcome Refer(EntityReference supportRequest, string? reason, DateTime nowUtc)
        {
            var request = _service.Retrieve(EntityNames.SupportRequest, supportRequest.Id,
                new ColumnSet("taz_name", "taz_beneficiaryid", "taz_branchofficeid", "taz_researcherid"));
            var referralId = DeterministicId.For("referral|" + supportRequest.Id.ToString("D"));
            var taskId = DeterministicId.For("referral-task|" + supportRequest.Id.ToString("D"));

            // A retried step finds the referral it already wrote and completes what is missing (task, assignment).
            var branch = request.GetAttributeValue<EntityReference>("taz_branchofficeid");
            var existing = ExistingReferral(referralId);
            var researcherId = existing?.GetAttributeValue<EntityReference>("taz_researcherid")?.Id ?? PickResearcher(branch);
            var researcher = new EntityReference(EntityNames.SystemUser, researcherId);
            var number = request.GetAttributeValue<string>("taz_name") ?? supportRequest.Id.ToString("D");
            var text = string.IsNullOrWhiteSpace(reason)
                ? "دراسة الحالة الاجتماعية للطلب " + number + " | Social research for request " + number
                : reason!;

            var created = false;
            if (existing == null)
            {
                var referral = new Entity(EntityNames.ResearchReferral, referralId);
                referral["taz_name"] = "إحالة " + number + " | Referral " + number;
                referral["taz_supportrequestid"] = supportRequest;
                referral["taz_beneficiaryid"] = request.GetAttributeValue<EntityReference>("taz_beneficiaryid");
                referral["taz_researcherid"] = researcher;
                if (branch != null) referral["taz_branchofficeid"] = branch;
                referral["taz_reason"] = text;
                referral["taz_referredon"] = nowUtc;
                referral["ownerid"] = researcher;
                _service.Create(referral);
                created = true;
            }
            else
            {
                _trace.Trace("Request {0} was already referred to {1}; completing the remaining steps only.", supportRequest.Id, researcherId);
            }

            var task = new Entity("task", taskId);
            task["subject"] = "بحث اجتماعي للطلب " + number + " | Social research for request " + number;
            task["description"] = text;
            task["regardingobjectid"] = supportRequest;
            task["scheduledend"] = nowUtc.AddDays(TaskDueDays);
            task["ownerid"] = researcher;
            IdempotentWriter.CreateOnce(_service, task, "activityid");

            var assigned = request.GetAttributeValue<EntityReference>("taz_researcherid");
            if (assigned == null || assigned.Id != researcherId)
            {
                var update = new Entity(EntityNames.SupportRequest, supportRequest.Id);
                update["taz_researcherid"] = researcher;
                update["ownerid"] = researcher;
                _service.Update(update);
            }

            _trace.Trace("Request {0} referred to researcher {1} (branch {2}).", supportRequest.Id, researcherId, branch?.Id);
            return new ReferralOutcome(researcher, new EntityReference(EntityNames.ResearchReferral, referralId), task.ToEntityReference(), created);
        }

        /// <summary>The researcher with the fewest open referrals in the branch; ties by smaller user id.</summary>
        public Guid PickResearcher(EntityReference? branch)
        {
            var researchers = UsersWithRole(EntityNames.SocialResearcherRoleId);
            if (researchers.Count == 0)
                throw PolicyMessages.S3_NoResearcher.ToException();

            var candidates = researchers;
            if (branch != null)
            {
                var inBranch = BranchMembers(branch.Id);
                var both = researchers.Where(inBranch.Contains).ToList();
                if (both.Count > 0) candidates = both;
                else _trace.Trace("Branch {0} has no researcher of its own; choosing among all researchers.", branch.Id);
            }

            var open = OpenReferralCounts(candidates, branch);
            return candidates
                .OrderBy(id => open.TryGetValue(id, out var n) ? n : 0)
                .ThenBy(id => id.ToString("D"), StringComparer.Ordinal)
                .First();
        }

        private Entity? ExistingReferral(Guid referralId)
        {
            var query = new QueryExpression(EntityNames.ResearchReferral) { ColumnSet = new ColumnSet("taz_researcherid"), TopCount = 1 };
            query.Criteria.AddCondition("taz_researchreferralid", ConditionOperator.Equal, referralId);
            return _service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        private List<Guid> UsersWithRole(Guid roleId)
        {
            var query = new QueryExpression("systemuserroles") { ColumnSet = new ColumnSet("systemuserid"), TopCount = MaxCandidates };
            query.Criteria.AddCondition("roleid", ConditionOperator.Equal, roleId);
            return _service.RetrieveMultiple(query).Entities
                .Select(e => e.GetAttributeValue<Guid>("systemuserid"))
                .Where(id => id != Guid.Empty)
                .Distinct()
                .ToList();
        }

        private HashSet<Guid> BranchMembers(Guid branchId)
        {
            var query = new QueryExpression("taz_branchoffice_representative") { ColumnSet = new ColumnSet("systemuserid"), TopCount = MaxCandidates };
            query.Criteria.AddCondition("taz_branchofficeid", ConditionOperator.Equal, branchId);
            return new HashSet<Guid>(_service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<Guid>("systemuserid")));
        }

        private Dictionary<Guid, int> OpenReferralCounts(List<Guid> candidates, EntityReference? branch)
        {
            var query = new QueryExpression(EntityNames.ResearchReferral) { ColumnSet = new ColumnSet("taz_researcherid"), TopCount = MaxOpenReferrals };
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            query.Criteria.AddCondition("taz_researcherid", ConditionOperator.In, candidates.Cast<object>().ToArray());
            if (branch != null) query.Criteria.AddCondition("taz_branchofficeid", ConditionOperator.Equal, branch.Id);
            return _service.RetrieveMultiple(query).Entities
                .Select(e => e.GetAttributeValue<EntityReference>("taz_researcherid"))
                .Where(r => r != null)
                .GroupBy(r => r.Id)
                .ToDictionary(g => g.Key, g => g.Count());
        }
    }
}
