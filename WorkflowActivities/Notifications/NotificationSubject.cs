using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>What one notification needs, read in ONE RetrieveMultiple on the primary key of the row the notification
    /// is about (the support request, else the beneficiary): the request's placeholder values, the beneficiary's contact
    /// details and the researcher's name through outer links, and — one outer link per channel table, matched on the
    /// regarding row and the deterministic id — whether a previous attempt already wrote it. Before, this took five
    /// existence queries and three or four retrieves per notification.</summary>
    public sealed class NotificationSubject
    {
        public static readonly string[] BeneficiaryColumns =
            { "taz_name", "taz_mobile", "taz_email", "taz_contactmethod", "taz_portalcontactid", "taz_address" };

        /// <summary>Every table a notification can land in, with its primary id and the column naming the request (or,
        /// without a request, the beneficiary) it is about: a retry finds the row whichever method it used.</summary>
        internal static readonly ChannelTable[] ChannelTables =
        {
            new ChannelTable(EntityNames.SmsMessage, "activityid", "regardingobjectid", "regardingobjectid"),
            new ChannelTable("email", "activityid", "regardingobjectid", "regardingobjectid"),
            new ChannelTable(EntityNames.PortalNotification, "taz_portalnotificationid", "taz_supportrequestid", "taz_beneficiaryid"),
            new ChannelTable("letter", "activityid", "regardingobjectid", "regardingobjectid"),
            new ChannelTable("phonecall", "activityid", "regardingobjectid", "regardingobjectid"),
        };

        private const string PersonAlias = "b";
        private const string ResearcherAlias = "u";

        private NotificationSubject(Entity? request, Entity? person, string? researcherName, EntityReference? existing)
        {
            Request = request; Person = person; ResearcherName = researcherName; Existing = existing;
        }

        /// <summary>The support request with <see cref="NotificationValues.RequestColumns"/>; null when there is none.</summary>
        public Entity? Request { get; }

        /// <summary>The request's beneficiary (or the beneficiary itself without a request) with its contact columns.</summary>
        public Entity? Person { get; }

        public string? ResearcherName { get; }

        /// <summary>The row a previous attempt wrote under the notification's id, or null.</summary>
        public EntityReference? Existing { get; }

        /// <summary>One query; the platform's own not-found fault when the request (or beneficiary) does not exist.</summary>
        /// <param name="withResearcherName">link the researcher's name (only a template with {ResearcherName} needs it)</param>
        public static NotificationSubject Load(IOrganizationService service, EntityReference? beneficiary, EntityReference? supportRequest, Guid notificationId,
            bool withResearcherName = true)
        {
            var aboutRequest = supportRequest != null;
            var root = aboutRequest ? EntityNames.SupportRequest : EntityNames.Beneficiary;
            var rootId = aboutRequest ? supportRequest!.Id : beneficiary!.Id;
            var query = new QueryExpression(root)
            {
                ColumnSet = new ColumnSet(aboutRequest ? NotificationValues.RequestColumns : BeneficiaryColumns),
                // Each outer link matches at most one row (a lookup's target, or the row with the deterministic id).
                TopCount = 1,
                NoLock = true,
            };
            query.Criteria.AddCondition(root + "id", ConditionOperator.Equal, rootId);
            if (aboutRequest)
            {
                var person = query.AddLink(EntityNames.Beneficiary, "taz_beneficiaryid", "taz_beneficiaryid", JoinOperator.LeftOuter);
                person.EntityAlias = PersonAlias;
                person.Columns = new ColumnSet(BeneficiaryColumns);
                person.Columns.AddColumn("taz_beneficiaryid");
                if (withResearcherName)
                {
                    var researcher = query.AddLink(EntityNames.SystemUser, "taz_researcherid", "systemuserid", JoinOperator.LeftOuter);
                    researcher.EntityAlias = ResearcherAlias;
                    researcher.Columns = new ColumnSet("fullname");
                }
            }
            for (var i = 0; i < ChannelTables.Length; i++)
            {
                var table = ChannelTables[i];
                var link = query.AddLink(table.Name, root + "id", aboutRequest ? table.RequestColumn : table.BeneficiaryColumn, JoinOperator.LeftOuter);
                link.EntityAlias = ChannelAlias(i);
                link.Columns = new ColumnSet(table.PrimaryId);
                link.LinkCriteria.AddCondition(table.PrimaryId, ConditionOperator.Equal, notificationId);
            }

            var rows = service.RetrieveMultiple(query).Entities;
            if (rows.Count == 0)
            {
                // Missing row: let the platform raise its usual "does not exist" fault (an exceptional path).
                service.Retrieve(root, rootId, new ColumnSet(false));
                throw new InvalidPluginExecutionException("السجل " + root + " " + rootId.ToString("D") + " غير موجود | " + root + " " + rootId.ToString("D") + " does not exist");
            }
            var row = rows[0];

            EntityReference? existing = null;
            for (var i = 0; i < ChannelTables.Length && existing == null; i++)
                if (LinkedColumns.Id(row, ChannelAlias(i), ChannelTables[i].PrimaryId).HasValue)
                    existing = new EntityReference(ChannelTables[i].Name, notificationId);

            if (!aboutRequest) return new NotificationSubject(null, LinkedColumns.Root(row), null, existing);

            var request = LinkedColumns.Root(row);
            var personRow = LinkedColumns.Row(row, PersonAlias, EntityNames.Beneficiary, "taz_beneficiaryid");
            var researcherName = LinkedColumns.Value<string>(row, ResearcherAlias, "fullname");
            return new NotificationSubject(request, personRow, researcherName, existing);
        }

        private static string ChannelAlias(int index) => "n" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        internal sealed class ChannelTable
        {
            public ChannelTable(string name, string primaryId, string requestColumn, string beneficiaryColumn)
            {
                Name = name; PrimaryId = primaryId; RequestColumn = requestColumn; BeneficiaryColumn = beneficiaryColumn;
            }

            public string Name { get; }
            public string PrimaryId { get; }
            public string RequestColumn { get; }
            public string BeneficiaryColumn { get; }
        }
    }
}
