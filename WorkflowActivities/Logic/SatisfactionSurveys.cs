using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.WorkflowActivities.Notifications;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities
{
    /// <summary>G5: one satisfaction survey per service delivery, an invitation, and one reminder after
    /// taz_SurveyReminderDays. G6b: the survey is for improvement only, so nothing here reads or writes the
    /// beneficiary's file and no score is required.</summary>
    [PolicyClause("G5", "G6b")]
    public sealed class SatisfactionSurveys
    {
        public const int DefaultReminderDays = 3;
        private const int MaxRemindersPerRun = 200;

        private readonly IOrganizationService _service;
        private readonly ITracingService _trace;
        private readonly BeneficiaryNotifier _notifier;

        public SatisfactionSurveys(IOrganizationService service, ITracingService trace, ISmsProvider? smsProvider = null)
        {
            _service = service;
            _trace = trace;
            _notifier = new BeneficiaryNotifier(service, trace, smsProvider);
        }

        /// <summary>Creates (once) the survey of a delivery and sends its invitation (once).</summary>
        public EntityReference CreateForDelivery(EntityReference serviceDelivery, DateTime nowUtc)
        {
            // One query: the delivery, its request's beneficiary and researcher, and the survey a previous attempt wrote.
            var delivery = DeliveryWithSurvey(serviceDelivery.Id);
            var survey = LinkedColumns.Row(delivery, SurveyAlias, EntityNames.SatisfactionSurvey, "taz_satisfactionsurveyid");
            if (survey == null)
            {
                var request = delivery.GetAttributeValue<EntityReference>("taz_supportrequestid");
                var beneficiary = delivery.GetAttributeValue<EntityReference>("taz_beneficiaryid");
                EntityReference? researcher = null;
                if (request != null)
                {
                    beneficiary = beneficiary ?? LinkedColumns.Value<EntityReference>(delivery, RequestAlias, "taz_beneficiaryid");
                    researcher = LinkedColumns.Value<EntityReference>(delivery, RequestAlias, "taz_researcherid");
                }

                var number = delivery.GetAttributeValue<string>("taz_name") ?? serviceDelivery.Id.ToString("D");
                survey = new Entity(EntityNames.SatisfactionSurvey, DeterministicId.For("survey|" + serviceDelivery.Id.ToString("D")));
                survey["taz_name"] = "استبيان " + number + " | Survey " + number;
                survey["taz_servicedeliveryid"] = serviceDelivery;
                if (request != null) survey["taz_supportrequestid"] = request;
                if (beneficiary != null) survey["taz_beneficiaryid"] = beneficiary;
                var branch = delivery.GetAttributeValue<EntityReference>("taz_branchofficeid");
                if (branch != null) survey["taz_branchofficeid"] = branch;
                if (researcher != null) survey["taz_researcherid"] = researcher;
                var channel = delivery.GetAttributeValue<OptionSetValue>("taz_channel");
                if (channel != null) survey["taz_channel"] = channel;
                survey["taz_invitedon"] = nowUtc;
                _service.Create(survey);
                _trace.Trace("Survey {0} created for delivery {1}.", survey.Id, serviceDelivery.Id);
            }
            else
            {
                _trace.Trace("Delivery {0} already has survey {1} (one survey per delivery).", serviceDelivery.Id, survey.Id);
            }

            Invite(survey);
            return new EntityReference(EntityNames.SatisfactionSurvey, survey.Id);
        }

        /// <summary>Sends the reminder of one survey if it is due and unanswered; returns whether it was sent.</summary>
        public bool RemindIfDue(EntityReference surveyRef, DateTime nowUtc, int reminderDays)
        {
            var survey = _service.Retrieve(EntityNames.SatisfactionSurvey, surveyRef.Id, new ColumnSet(SurveyColumns));
            return RemindIfDue(survey, nowUtc, reminderDays);
        }

        /// <summary>Sweeps invited, unanswered surveys whose reminder is due (bounded per run).</summary>
        public int SendDueReminders(DateTime nowUtc, int reminderDays)
        {
            var query = new QueryExpression(EntityNames.SatisfactionSurvey) { ColumnSet = new ColumnSet(SurveyColumns), TopCount = MaxRemindersPerRun };
            // The most selective conditions first (a row store evaluates them in order): open surveys are mostly
            // unanswered ones already reminded, and the rest mostly too recent.
            query.Criteria.AddCondition("taz_remindedon", ConditionOperator.Null);
            query.Criteria.AddCondition("taz_invitedon", ConditionOperator.LessEqual, nowUtc.AddDays(-Math.Max(0, reminderDays)));
            query.Criteria.AddCondition("taz_respondedon", ConditionOperator.Null);
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            query.AddOrder("taz_invitedon", OrderType.Ascending);
            return _service.RetrieveMultiple(query).Entities.Count(s => RemindIfDue(s, nowUtc, reminderDays));
        }

        private static readonly string[] SurveyColumns =
            { "taz_name", "taz_beneficiaryid", "taz_supportrequestid", "taz_invitedon", "taz_remindedon", "taz_respondedon", "statecode", "statuscode" };

        private bool RemindIfDue(Entity survey, DateTime nowUtc, int reminderDays)
        {
            var invited = survey.GetAttributeValue<DateTime?>("taz_invitedon");
            var state = survey.GetAttributeValue<OptionSetValue>("statecode")?.Value ?? 0;
            if (state != 0 || survey.GetAttributeValue<DateTime?>("taz_respondedon").HasValue || survey.GetAttributeValue<DateTime?>("taz_remindedon").HasValue)
                return false;
            if (!invited.HasValue || invited.Value.AddDays(Math.Max(0, reminderDays)) > nowUtc) return false;

            var beneficiary = survey.GetAttributeValue<EntityReference>("taz_beneficiaryid");
            if (beneficiary == null) return false;
            _notifier.Notify(NotificationEvent.SurveyReminder, beneficiary, survey.GetAttributeValue<EntityReference>("taz_supportrequestid"),
                "survey-reminder|" + survey.Id.ToString("D"), nowUtc, SurveyValues(survey));

            var update = new Entity(EntityNames.SatisfactionSurvey, survey.Id);
            update["taz_remindedon"] = nowUtc;
            update["statuscode"] = new OptionSetValue(EntityNames.SurveyReminded);
            _service.Update(update);
            return true;
        }

        private void Invite(Entity survey)
        {
            var beneficiary = survey.GetAttributeValue<EntityReference>("taz_beneficiaryid");
            if (beneficiary == null)
            {
                _trace.Trace("Survey {0} has no beneficiary; no invitation sent.", survey.Id);
                return;
            }
            var invitedOn = survey.GetAttributeValue<DateTime?>("taz_invitedon") ?? DateTime.MinValue;
            _notifier.Notify(NotificationEvent.SurveyInvitation, beneficiary, survey.GetAttributeValue<EntityReference>("taz_supportrequestid"),
                "survey-invitation|" + survey.Id.ToString("D"), invitedOn, SurveyValues(survey));
        }

        private static Dictionary<string, string> SurveyValues(Entity survey) =>
            new Dictionary<string, string> { ["SurveyNumber"] = survey.GetAttributeValue<string>("taz_name") ?? survey.Id.ToString("D") };

        private const string SurveyAlias = "survey";
        private const string RequestAlias = "request";

        /// <summary>The delivery by primary key with outer links to its request and to its survey (the alternate key
        /// taz_key_servicedelivery guarantees at most one); the platform's not-found fault when it does not exist.</summary>
        private Entity DeliveryWithSurvey(Guid deliveryId)
        {
            var query = new QueryExpression(EntityNames.ServiceDelivery)
            {
                ColumnSet = new ColumnSet("taz_name", "taz_supportrequestid", "taz_beneficiaryid", "taz_branchofficeid", "taz_channel"),
                TopCount = 1,
                NoLock = true,
            };
            query.Criteria.AddCondition("taz_servicedeliveryid", ConditionOperator.Equal, deliveryId);
            var request = query.AddLink(EntityNames.SupportRequest, "taz_supportrequestid", "taz_supportrequestid", JoinOperator.LeftOuter);
            request.EntityAlias = RequestAlias;
            request.Columns = new ColumnSet("taz_beneficiaryid", "taz_researcherid");
            var survey = query.AddLink(EntityNames.SatisfactionSurvey, "taz_servicedeliveryid", "taz_servicedeliveryid", JoinOperator.LeftOuter);
            survey.EntityAlias = SurveyAlias;
            survey.Columns = new ColumnSet(SurveyColumns);
            survey.Columns.AddColumn("taz_satisfactionsurveyid");
            var rows = _service.RetrieveMultiple(query).Entities;
            return rows.Count > 0 ? rows[0] : _service.Retrieve(EntityNames.ServiceDelivery, deliveryId, query.ColumnSet);
        }
    }
}
