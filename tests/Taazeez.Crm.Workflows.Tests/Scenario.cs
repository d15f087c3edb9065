using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator;
using Taazeez.Crm.WorkflowActivities;
using Taazeez.Crm.WorkflowActivities.CustomApis;

namespace Taazeez.Crm.Workflows.Tests
{
    /// <summary>Collects trace lines the way the platform's tracing service would.</summary>
    public sealed class TraceLog : ITracingService
    {
        public List<string> Lines { get; } = new List<string>();
        public void Trace(string format, params object[] args) => Lines.Add(args.Length == 0 ? format : string.Format(format, args));
        public string Text => string.Join("\n", Lines);
    }

    /// <summary>The embedded Dataverse emulator (Emulator/) loaded from Solution/src with the workflow activity
    /// assembly, so its Custom APIs and every write of the activity logic go through Dataverse's checks; plus helpers
    /// that seed the rows the activities read.</summary>
    public sealed class Scenario
    {
        public static readonly DateTime Start = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

        public Scenario()
        {
            Emulator = DataverseEmulator.FromSolutionFolder(DataverseEmulator.FindSolutionFolder(), typeof(ReferToResearcherApi).Assembly);
            Emulator.Clock.Set(Start);
            Service = Emulator.CreateService(Emulator.SystemUserId);
        }

        private int _requests;

        public DataverseEmulator Emulator { get; }
        public IOrganizationService Service { get; }
        public TraceLog Trace { get; } = new TraceLog();
        public DateTime Now => Emulator.Clock.UtcNow;

        public EntityReference Branch(string name)
        {
            var row = new Entity(EntityNames.BranchOffice) { ["taz_name"] = name, ["taz_governorate"] = new OptionSetValue(826000002) };
            return new EntityReference(EntityNames.BranchOffice, Service.Create(row));
        }

        public Guid Researcher(string name, EntityReference? branch = null)
        {
            var id = Emulator.AddUser(name, EntityNames.SocialResearcherRoleId);
            if (branch != null)
                Service.Associate(EntityNames.BranchOffice, branch.Id, new Relationship("taz_branchoffice_representative"),
                    new EntityReferenceCollection { new EntityReference(EntityNames.SystemUser, id) });
            return id;
        }

        public EntityReference Beneficiary(int? contactMethod, string? mobile = "+966512345678", string? email = "fatima@example.sa",
            string? address = "حي الروضة، جازان", EntityReference? portalContact = null)
        {
            var row = new Entity(EntityNames.Beneficiary) { ["taz_name"] = "فاطمة أحمد" };
            if (contactMethod.HasValue) row["taz_contactmethod"] = new OptionSetValue(contactMethod.Value);
            if (mobile != null) row["taz_mobile"] = mobile;
            if (email != null) row["taz_email"] = email;
            if (address != null) row["taz_address"] = address;
            if (portalContact != null) row["taz_portalcontactid"] = portalContact;
            return new EntityReference(EntityNames.Beneficiary, Service.Create(row));
        }

        public EntityReference PortalContact() =>
            new EntityReference("contact", Service.Create(new Entity("contact") { ["lastname"] = "Fatima" }));

        public EntityReference Request(EntityReference beneficiary, EntityReference? branch = null, int status = EntityNames.StatusSubmitted,
            DateTime? committeeDueOn = null, Action<Entity>? more = null)
        {
            var row = new Entity(EntityNames.SupportRequest)
            {
                // taz_name is an autonumber; a value given on create is kept, which makes the texts predictable.
                ["taz_name"] = "SR-2026-" + (++_requests).ToString("000000", System.Globalization.CultureInfo.InvariantCulture),
                ["taz_beneficiaryid"] = beneficiary,
                ["taz_supporttype"] = new OptionSetValue(826000001),
                ["taz_channel"] = new OptionSetValue(826000001),
                ["statuscode"] = new OptionSetValue(status),
            };
            if (branch != null) row["taz_branchofficeid"] = branch;
            if (committeeDueOn.HasValue) row["taz_committeedueon"] = committeeDueOn.Value;
            more?.Invoke(row);
            return new EntityReference(EntityNames.SupportRequest, Service.Create(row));
        }

        public EntityReference OpenReferral(Guid researcher, EntityReference branch, EntityReference request)
        {
            var row = new Entity(EntityNames.ResearchReferral)
            {
                ["taz_name"] = "existing",
                ["taz_supportrequestid"] = request,
                ["taz_researcherid"] = new EntityReference(EntityNames.SystemUser, researcher),
                ["taz_branchofficeid"] = branch,
            };
            return new EntityReference(EntityNames.ResearchReferral, Service.Create(row));
        }

        public EntityReference Delivery(EntityReference request, EntityReference beneficiary)
        {
            var row = new Entity(EntityNames.ServiceDelivery)
            {
                ["taz_name"] = "DLV-1",
                ["taz_supportrequestid"] = request,
                ["taz_beneficiaryid"] = beneficiary,
                ["taz_deliveredon"] = Now,
            };
            return new EntityReference(EntityNames.ServiceDelivery, Service.Create(row));
        }

        public List<Entity> Rows(string entity, string? attribute = null, object? value = null)
        {
            var query = new QueryExpression(entity) { ColumnSet = new ColumnSet(true) };
            if (attribute != null) query.Criteria.AddCondition(attribute, ConditionOperator.Equal, value);
            return Service.RetrieveMultiple(query).Entities.ToList();
        }

        public Entity Get(EntityReference row) => Service.Retrieve(row.LogicalName, row.Id, new ColumnSet(true));
    }
}
