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
            var referralId = DeterministicId.For("referral|" + supportRequest.Id.ToString("D"));
            var taskId = DeterministicId.For("referral-task|" + supportRequest.Id.ToString("D"));
            // One query: the request, the researchers of its branch, and whether a previous attempt already wrote the
            // referral and its task.
            var request = RequestWithReferral(supportRequest.Id, referralId, taskId, out var branchResearchers);

            // A retried step finds the referral it already wrote and completes what is missing (task, assignment).
            var branch = request.GetAttributeValue<EntityReference>("taz_branchofficeid");
            var existingResearcher = LinkedColumns.Value<EntityReference>(request, ReferralAlias, "taz_researcherid");
            var referralExists = LinkedColumns.Id(request, ReferralAlias, "taz_researchreferralid").HasValue;
            var taskExists = LinkedColumns.Id(request, TaskAlias, "activityid").HasValue;
            var researcherId = referralExists && existingResearcher != null ? existingResearcher.Id
                : branch != null && branchResearchers.Count > 0 ? Fewest(branchResearchers, branch)
                : PickResearcher(branch); // no researcher of its own: the branch-less choice among all researchers
            var researcher = new EntityReference(EntityNames.SystemUser, researcherId);
            var number = request.GetAttributeValue<string>("taz_name") ?? supportRequest.Id.ToString("D");
            var text = string.IsNullOrWhiteSpace(reason)
                ? "دراسة الحالة الاجتماعية للطلب " + number + " | Social research for request " + number
                : reason!;

            var created = false;
            if (!referralExists)
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
            if (!taskExists) _service.Create(task);

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

        /// <summary>The researcher with the fewest open referrals in the branch; ties by smaller user id.
        /// Two bounded queries: the researchers (with their membership of the branch) and, when there is a choice, their
        /// open-referral counts.</summary>
        public Guid PickResearcher(EntityReference? branch)
        {
            var researchers = Researchers(branch?.Id, out var inBranch);
            if (researchers.Count == 0)
                throw PolicyMessages.S3_NoResearcher.ToException();

            var candidates = researchers;
            if (branch != null)
            {
                if (inBranch.Count > 0) candidates = inBranch;
                else _trace.Trace("Branch {0} has no researcher of its own; choosing among all researchers.", branch.Id);
            }

            return Fewest(candidates, branch);
        }

        /// <summary>The candidate with the fewest open referrals in the branch; ties by smaller user id.</summary>
        private Guid Fewest(List<Guid> candidates, EntityReference? branch)
        {
            // A branch with one researcher of its own needs no count (the commonest case): nothing to balance.
            if (candidates.Count == 1) return candidates[0];
            var open = OpenReferralCounts(candidates, branch);
            return candidates
                .OrderBy(id => open.TryGetValue(id, out var n) ? n : 0)
                .ThenBy(id => id.ToString("D"), StringComparer.Ordinal)
                .First();
        }

        private const string ReferralAlias = "referral";
        private const string TaskAlias = "task";
        private const string MemberAlias = "member";
        private const string RoleAlias = "role";

        /// <summary>The request by primary key, with outer links to the referral and the task under their deterministic
        /// ids (each matches at most one row) and to its branch's representatives who hold the social researcher role
        /// (<paramref name="branchResearchers"/>, distinct). The platform's not-found fault when the request does not exist.</summary>
        private Entity RequestWithReferral(Guid requestId, Guid referralId, Guid taskId, out List<Guid> branchResearchers)
        {
            var query = new QueryExpression(EntityNames.SupportRequest)
            {
                ColumnSet = new ColumnSet("taz_name", "taz_beneficiaryid", "taz_branchofficeid", "taz_researcherid"),
                TopCount = MaxCandidates, // one row per representative of the branch
                NoLock = true,
            };
            query.Criteria.AddCondition("taz_supportrequestid", ConditionOperator.Equal, requestId);
            var referral = query.AddLink(EntityNames.ResearchReferral, "taz_supportrequestid", "taz_supportrequestid", JoinOperator.LeftOuter);
            referral.EntityAlias = ReferralAlias;
            referral.Columns = new ColumnSet("taz_researchreferralid", "taz_researcherid");
            referral.LinkCriteria.AddCondition("taz_researchreferralid", ConditionOperator.Equal, referralId);
            var task = query.AddLink("task", "taz_supportrequestid", "regardingobjectid", JoinOperator.LeftOuter);
            task.EntityAlias = TaskAlias;
            task.Columns = new ColumnSet("activityid");
            task.LinkCriteria.AddCondition("activityid", ConditionOperator.Equal, taskId);
            var member = query.AddLink("taz_branchoffice_representative", "taz_branchofficeid", "taz_branchofficeid", JoinOperator.LeftOuter);
            member.EntityAlias = MemberAlias;
            member.Columns = new ColumnSet("systemuserid");
            var role = member.AddLink("systemuserroles", "systemuserid", "systemuserid", JoinOperator.LeftOuter);
            role.EntityAlias = RoleAlias;
            role.Columns = new ColumnSet("systemuserid");
            role.LinkCriteria.AddCondition("roleid", ConditionOperator.Equal, EntityNames.SocialResearcherRoleId);

            var rows = _service.RetrieveMultiple(query).Entities;
            branchResearchers = new List<Guid>();
            foreach (var row in rows)
                if (row.GetAttributeValue<AliasedValue>(RoleAlias + ".systemuserid")?.Value is Guid id && id != Guid.Empty && !branchResearchers.Contains(id))
                    branchResearchers.Add(id);
            return rows.Count > 0 ? rows[0] : _service.Retrieve(EntityNames.SupportRequest, requestId, query.ColumnSet);
        }

        /// <summary>Users with the social researcher role, distinct; <paramref name="inBranch"/> those of them who are the
        /// branch's representatives (an outer link to the N:N intersect, so one query answers both).</summary>
        private List<Guid> Researchers(Guid? branchId, out List<Guid> inBranch)
        {
            var query = new QueryExpression("systemuserroles") { ColumnSet = new ColumnSet("systemuserid"), TopCount = MaxCandidates, NoLock = true };
            query.Criteria.AddCondition("roleid", ConditionOperator.Equal, EntityNames.SocialResearcherRoleId);
            if (branchId.HasValue)
            {
                var member = query.AddLink("taz_branchoffice_representative", "systemuserid", "systemuserid", JoinOperator.LeftOuter);
                member.EntityAlias = "m";
                member.Columns = new ColumnSet("systemuserid");
                member.LinkCriteria.AddCondition("taz_branchofficeid", ConditionOperator.Equal, branchId.Value);
            }
            var all = new List<Guid>();
            var members = new List<Guid>();
            foreach (var row in _service.RetrieveMultiple(query).Entities)
            {
                var id = row.GetAttributeValue<Guid>("systemuserid");
                if (id == Guid.Empty) continue;
                if (!all.Contains(id)) all.Add(id);
                if (row.GetAttributeValue<AliasedValue>("m.systemuserid")?.Value is Guid && !members.Contains(id)) members.Add(id);
            }
            inBranch = members;
            return all;
        }

        /// <summary>Open referrals per candidate in the branch: one bounded query returning only the researcher column of
        /// the open referrals (statecode first: the open set is small and indexed, whereas a researcher's or a branch's
        /// referrals grow with history). Measured on the emulator, a FetchXML aggregate count cost more than it saved.</summary>
        private Dictionary<Guid, int> OpenReferralCounts(List<Guid> candidates, EntityReference? branch)
        {
            var query = new QueryExpression(EntityNames.ResearchReferral) { ColumnSet = new ColumnSet("taz_researcherid"), TopCount = MaxOpenReferrals, NoLock = true };
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            query.Criteria.AddCondition("taz_researcherid", ConditionOperator.In, candidates.Cast<object>().ToArray());
            if (branch != null) query.Criteria.AddCondition("taz_branchofficeid", ConditionOperator.Equal, branch.Id);
            var counts = new Dictionary<Guid, int>();
            foreach (var row in _service.RetrieveMultiple(query).Entities)
                if (row.GetAttributeValue<EntityReference>("taz_researcherid") is { } researcher)
                    counts[researcher.Id] = counts.TryGetValue(researcher.Id, out var n) ? n + 1 : 1;
            return counts;
        }
    }
}
