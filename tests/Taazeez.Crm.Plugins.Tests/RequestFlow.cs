using System;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>A support request carried through the SupportRequestPolicy plugin save by save, as Dataverse would:
    /// each Update gets the stored row as its pre-image (the registered columns only), the amended target is what is
    /// stored, and every save makes at most one service call.</summary>
    internal sealed class RequestFlow
    {
        public static readonly Guid CommitteeRole = new Guid("66e5a571-44fe-4473-af39-b181ca8496bb");
        public const int FinancialAid = 826000001;
        public const int FoodBasket = 826000002;
        public const int C1 = 826000001;
        public const int C7 = 826000007;

        public static readonly string[] PreImageColumns =
        {
            "statecode", "statuscode", "taz_name", "taz_beneficiaryid", "taz_supporttype", "taz_amountrequested", "taz_description", "taz_channel",
            "taz_dataverified", "taz_verifiedby", "taz_declarationsigned", "taz_declarationsignedby", "taz_declarationsignedon", "taz_declarationversion",
            "taz_declarationhash", "taz_submittedon", "taz_committeedueon", "taz_decision", "taz_approvedamount", "taz_decisionreasons",
        };

        private readonly SupportRequestPolicy _plugin = new SupportRequestPolicy(null, null);

        public RequestFlow(string? periodDays = null, string? ceilings = null, string version = "2024.1")
        {
            Service = new InMemoryService()
                .EnvironmentVariable("taz_CommitteeResponsePeriodDays", "14", periodDays)
                .EnvironmentVariable("taz_DeclarationTextVersion", "2024.1", version == "2024.1" ? null : version)
                .EnvironmentVariable("taz_SupportTypeCeilings", "{}", ceilings)
                .UserRole(Committee, CommitteeRole);
            Row = new Entity("taz_supportrequest", Guid.NewGuid());
        }

        public InMemoryService Service { get; }
        public Guid Officer { get; } = Guid.NewGuid();
        public Guid Committee { get; } = Guid.NewGuid();
        public Guid BeneficiaryId { get; } = Guid.NewGuid();
        public DateTime Now { get; set; } = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        public Entity Row { get; private set; }
        public PipelineContext? Last { get; private set; }
        public int LastCalls { get; private set; }

        public Entity DraftData(int supportType = FinancialAid, decimal? amount = 3000m) => new Entity("taz_supportrequest", Row.Id)
        {
            ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", BeneficiaryId),
            ["taz_supporttype"] = new OptionSetValue(supportType),
            ["taz_amountrequested"] = amount.HasValue ? new Money(amount.Value) : null,
            ["taz_description"] = "إيجار متأخر ثلاثة أشهر",
            ["taz_channel"] = new OptionSetValue(C1),
        };

        public Entity Change(params (string Column, object? Value)[] values)
        {
            var target = new Entity("taz_supportrequest", Row.Id);
            foreach (var (column, value) in values) target[column] = value;
            return target;
        }

        public static (string, object?) Status(int status) => ("statuscode", new OptionSetValue(status));

        public PipelineContext Create(Entity target, bool portal = false, Guid? caller = null) => Run("Create", target, portal, caller);

        public PipelineContext Update(Entity target, bool portal = false, Guid? caller = null) => Run("Update", target, portal, caller);

        /// <summary>A staff draft, signed by the applicant and verified by the officer, then submitted.</summary>
        public RequestFlow Submitted(int supportType = FinancialAid, decimal? amount = 3000m)
        {
            var draft = DraftData(supportType, amount);
            draft["taz_declarationsigned"] = true;
            draft["taz_declarationsignedby"] = "فاطمة أحمد";
            draft["taz_declarationversion"] = "2024.1";
            draft["taz_dataverified"] = true;
            Create(draft);
            Update(Change(Status(826000001)));
            return this;
        }

        public RequestFlow AwaitingCommittee()
        {
            Submitted();
            Update(Change(Status(826000004)));
            return this;
        }

        public RequestFlow Approved()
        {
            AwaitingCommittee();
            Update(Change(Status(826000005), ("taz_decisionreasons", "الأسرة مستحقة حسب البحث")), caller: Committee);
            return this;
        }

        private PipelineContext Run(string message, Entity target, bool portal, Guid? caller)
        {
            var context = new PipelineContext(message, target, stage: 20)
            {
                Service = Service,
                IsPortalsClientCall = portal,
                UserId = caller ?? Officer,
                OperationCreatedOn = Now,
            };
            if (message == "Update")
            {
                var image = new Entity(Row.LogicalName, Row.Id);
                foreach (var column in PreImageColumns.Where(Row.Contains)) image[column] = Row[column];
                context.WithPreImage("PreImage", image);
            }
            var before = Service.Calls;
            Last = context;
            try
            {
                _plugin.Execute(context);
            }
            finally
            {
                LastCalls = Service.Calls - before;
                Assert.True(LastCalls <= 1, $"{message} made {LastCalls} service calls");
            }
            var stored = new Entity(Row.LogicalName, Row.Id);
            foreach (var pair in Row.Attributes) stored[pair.Key] = pair.Value;
            foreach (var pair in target.Attributes) stored[pair.Key] = pair.Value;
            if (message == "Create" && !stored.Contains("statuscode"))
            {
                stored["statuscode"] = new OptionSetValue(1);
                stored["statecode"] = new OptionSetValue(0);
            }
            if (!stored.Contains("taz_name")) stored["taz_name"] = "SR-2026-000001";
            Row = stored;
            return context;
        }

        public int StatusNow => Row.GetAttributeValue<OptionSetValue>("statuscode").Value;
    }
}
