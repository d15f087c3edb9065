using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.WorkflowActivities.Notifications;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities
{
    /// <summary>S5: a request still waiting for the committee after taz_committeedueon is flagged with a
    /// follow-up task for the committee head (one per request and due date, so repeated runs add nothing).</summary>
    [PolicyClause("S5")]
    public sealed class OverdueEscalation
    {
        private const int PageSize = 500;
        private const int MaxPages = 10; // at most 5,000 requests per run

        /// <summary>Statuses in which the committee has not decided yet.</summary>
        public static readonly int[] PendingStatuses =
        {
            EntityNames.StatusSubmitted, 826000002, EntityNames.StatusReferredToResearch, EntityNames.StatusAwaitingCommittee,
        };

        private readonly IOrganizationService _service;
        private readonly ITracingService _trace;

        public OverdueEscalation(IOrganizationService service, ITracingService trace)
        {
            _service = service;
            _trace = trace;
        }

        /// <summary>The committee head from taz_CommitteeHeadUserId; a clear error when it is not configured.</summary>
        public static Guid CommitteeHead(IOrganizationService service)
        {
            var head = EnvironmentSettings.Load(service, EnvironmentSettings.CommitteeHeadUserId).GetGuid(EnvironmentSettings.CommitteeHeadUserId);
            if (!head.HasValue)
                throw PolicyMessages.S5_CommitteeHeadNotSet.ToException();
            return head.Value;
        }

        /// <returns>the escalation task when the request is overdue, otherwise null.</returns>
        public EntityReference? EscalateIfOverdue(EntityReference supportRequest, Guid committeeHeadId, DateTime nowUtc)
        {
            var request = _service.Retrieve(EntityNames.SupportRequest, supportRequest.Id,
                new ColumnSet("taz_name", "taz_committeedueon", "statecode", "statuscode"));
            return Escalate(request, committeeHeadId, nowUtc);
        }

        /// <summary>Escalates every overdue pending request (bounded per run: pages of 500, at most 10); returns the tasks
        /// written or found.</summary>
        public IReadOnlyList<EntityReference> EscalateAll(Guid committeeHeadId, DateTime nowUtc)
        {
            var query = new QueryExpression(EntityNames.SupportRequest)
            {
                ColumnSet = new ColumnSet("taz_name", "taz_committeedueon", "statecode", "statuscode"),
                PageInfo = new PagingInfo { Count = PageSize, PageNumber = 1 },
                NoLock = true,
            };
            // The pending status reasons are all Active ones, so no statecode condition: on its own it selects nearly every
            // request (decided and delivered requests stay Active), and an index on it would only add work.
            query.Criteria.AddCondition("statuscode", ConditionOperator.In, PendingStatuses.Cast<object>().ToArray());
            query.Criteria.AddCondition("taz_committeedueon", ConditionOperator.LessThan, nowUtc);
            query.AddOrder("taz_committeedueon", OrderType.Ascending);
            query.AddOrder("taz_supportrequestid", OrderType.Ascending); // a stable order for the paging cookie

            // Paged, so requests escalated on earlier days (still pending) cannot hide newer ones behind one page.
            var tasks = new List<EntityReference>();
            for (var page = 1; page <= MaxPages; page++)
            {
                var result = _service.RetrieveMultiple(query);
                var overdue = result.Entities;
                if (overdue.Count > 0)
                {
                    // One query answers "already escalated?" for the whole page (the task ids are deterministic).
                    var written = ExistingTasks(overdue.Select(r => TaskId(r)).Where(id => id.HasValue).Select(id => id!.Value).ToList());
                    foreach (var request in overdue)
                        if (Escalate(request, committeeHeadId, nowUtc, written) is { } task) tasks.Add(task);
                }
                if (!result.MoreRecords) break;
                query.PageInfo.PageNumber = page + 1;
                query.PageInfo.PagingCookie = result.PagingCookie;
            }
            return tasks;
        }

        private bool Create(Entity task)
        {
            _service.Create(task);
            return true;
        }

        /// <summary>The escalation task's id: one per request and due date.</summary>
        private static Guid? TaskId(Entity request)
        {
            var due = request.GetAttributeValue<DateTime?>("taz_committeedueon");
            return due.HasValue
                ? DeterministicId.For("overdue|" + request.Id.ToString("D") + "|" + due.Value.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture))
                : (Guid?)null;
        }

        private HashSet<Guid> ExistingTasks(List<Guid> ids)
        {
            var found = new HashSet<Guid>();
            if (ids.Count == 0) return found;
            var query = new QueryExpression("task") { ColumnSet = new ColumnSet("activityid"), TopCount = ids.Count, NoLock = true };
            query.Criteria.AddCondition("activityid", ConditionOperator.In, ids.Cast<object>().ToArray());
            foreach (var row in _service.RetrieveMultiple(query).Entities) found.Add(row.Id);
            return found;
        }

        /// <param name="written">the tasks known to exist already (null: look this one up)</param>
        private EntityReference? Escalate(Entity request, Guid committeeHeadId, DateTime nowUtc, HashSet<Guid>? written = null)
        {
            var due = request.GetAttributeValue<DateTime?>("taz_committeedueon");
            var state = request.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0;
            var status = request.GetAttributeValue<OptionSetValue>("statuscode")?.Value ?? 0;
            if (!due.HasValue || due.Value >= nowUtc || state != 0 || !PendingStatuses.Contains(status)) return null;

            var task = new Entity("task", TaskId(request)!.Value);
            if (written != null && written.Contains(task.Id))
            {
                _trace.Trace("Request {0} overdue since {1:o}: escalation task {2} already existed.", request.Id, due.Value, task.Id);
                return task.ToEntityReference();
            }

            var values = new Dictionary<string, string>
            {
                ["RequestNumber"] = request.GetAttributeValue<string>("taz_name") ?? request.Id.ToString("D"),
                ["DaysOverdue"] = ((int)Math.Ceiling((nowUtc - due.Value).TotalDays)).ToString(CultureInfo.InvariantCulture),
            };
            NotificationValues.AddDate(values, "DueDate", due.Value);
            var message = TemplateRenderer.Render(NotificationTemplates.For(NotificationEvent.CommitteeOverdue), values);

            task["subject"] = message.Title.Length <= 200 ? message.Title : message.Title.Substring(0, 200);
            task["description"] = message.Body;
            task["regardingobjectid"] = request.ToEntityReference();
            task["ownerid"] = new EntityReference(EntityNames.SystemUser, committeeHeadId);
            task["scheduledend"] = nowUtc.AddDays(1);
            task["prioritycode"] = new OptionSetValue(2); // High
            var created = written != null ? Create(task) : IdempotentWriter.CreateOnce(_service, task, "activityid");
            _trace.Trace("Request {0} overdue since {1:o}: escalation task {2} {3}.", request.Id, due.Value, task.Id, created ? "created" : "already existed");
            return task.ToEntityReference();
        }
    }
}
