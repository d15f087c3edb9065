using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using System.Threading;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>One Dataverse organization in the emulator, built from Solution/src with the real Plugins assembly and
    /// its registered steps: an officer and a committee member (role ids of docs/data-model.md), a portal contact, the
    /// clock at 2026-01-05 08:00 UTC. Every save goes through the service the way the app, the portal or the committee
    /// sends it; a refused save is asserted as the bilingual fault and an unchanged store.</summary>
    internal sealed class Org
    {
        public static readonly Guid OfficerRole = new Guid("3fc7e7e8-0434-423c-8d8b-2c6a8551e2b7");
        public static readonly Guid ResearcherRole = new Guid("7e9507d7-48b5-44e3-94ae-2bb65b1d175e");
        public static readonly Guid CommitteeRole = new Guid("66e5a571-44fe-4473-af39-b181ca8496bb");
        public static readonly Guid ManagerRole = new Guid("5709a61d-e956-4149-8b0a-6e4b01c3aa3f");
        public static readonly DateTime Start = new DateTime(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
        public const int IsvAborted = unchecked((int)0x80040265);
        public const int UnexpectedPluginError = unchecked((int)0x80040224);

        public const int FinancialAid = 826000001, FoodBasket = 826000002, C1 = 826000001, C7 = 826000007;
        public const int Draft = 1, Submitted = 826000001, UnderVerification = 826000002, Referred = 826000003, AwaitingCommittee = 826000004;
        public const int Approved = 826000005, PartiallyApproved = 826000006, Rejected = 826000007, RegistrationCompleted = 826000008;
        public const int ServiceDelivered = 826000009, Closed = 2, Withdrawn = 826000010;

        /// <summary>The tables the plugins guard; a refused save must leave every row of them as it was.</summary>
        public static readonly string[] GuardedTables = { "taz_supportrequest", "taz_beneficiary", "taz_committeedecision", "taz_servicedelivery" };

        private static int _nationalIds;

        public Org(string? periodDays = null, string? ceilings = null, string? version = null)
        {
            Emulator = DataverseEmulator.FromSolutionFolder(DataverseEmulator.FindSolutionFolder(), typeof(PluginBase).Assembly);
            Emulator.Clock.Set(Start);
            Officer = Emulator.AddUser("مسؤول علاقات المستفيدين", OfficerRole);
            Committee = Emulator.AddUser("عضو لجنة البحث", CommitteeRole);
            Staff = Emulator.CreateService(Officer);
            CommitteeService = Emulator.CreateService(Committee);
            if (periodDays != null) Emulator.SetEnvironmentVariable("taz_CommitteeResponsePeriodDays", periodDays);
            if (ceilings != null) Emulator.SetEnvironmentVariable("taz_SupportTypeCeilings", ceilings);
            if (version != null) Emulator.SetEnvironmentVariable("taz_DeclarationTextVersion", version);
        }

        public DataverseEmulator Emulator { get; }
        public Guid Officer { get; }
        public Guid Committee { get; }
        public IOrganizationService Staff { get; }
        public IOrganizationService CommitteeService { get; }
        public IOrganizationService AsSystem => Emulator.CreateService(Emulator.SystemUserId);
        public DateTime Now => Emulator.Clock.UtcNow;
        /// <summary>The plugin-made service calls of the save the latest <see cref="Refused"/> saw refused.</summary>
        public int RefusedPluginCalls { get; private set; }

        public int LastPluginCalls => Emulator.Calls.Last!.PluginCalls;
        public IReadOnlyList<string> LastPluginCallMessages => Emulator.Calls.Last!.PluginCallMessages;

        private Guid? _contact;

        /// <summary>Power Pages, signed in as the applicant's contact.</summary>
        public IOrganizationService Portal => Emulator.CreatePortalService(_contact ??= Staff.Create(new Entity("contact") { ["firstname"] = "فاطمة", ["lastname"] = "أحمد" }));

        /// <summary>A valid Saudi national ID (first digit 1, Luhn check digit), different on every call.</summary>
        public static string NextNationalId() => NationalId("1" + (Interlocked.Increment(ref _nationalIds) % 100_000_000).ToString("D8", CultureInfo.InvariantCulture));

        public static string NationalId(string nineDigits)
        {
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                var d = nineDigits[i] - '0';
                if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
                sum += d;
            }
            return nineDigits + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
        }

        public Guid NewBeneficiary(string name = "فاطمة أحمد") =>
            Staff.Create(new Entity("taz_beneficiary") { ["taz_name"] = name, ["taz_nationalid"] = NextNationalId(), ["taz_mobile"] = "+966512345678", ["taz_householdsize"] = 4 });

        public static Entity DraftData(Guid beneficiary, int supportType = FinancialAid, decimal? amount = 3000m) => new Entity("taz_supportrequest")
        {
            ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", beneficiary),
            ["taz_supporttype"] = new OptionSetValue(supportType),
            ["taz_amountrequested"] = amount.HasValue ? new Money(amount.Value) : null,
            ["taz_description"] = "إيجار متأخر ثلاثة أشهر",
            ["taz_channel"] = new OptionSetValue(C1),
        };

        /// <summary>The applicant's signature on the form's declaration text, and the officer's verification.</summary>
        public static Entity Signed(Entity draft, bool verified = true)
        {
            draft["taz_declarationsigned"] = true;
            draft["taz_declarationsignedby"] = "فاطمة أحمد";
            draft["taz_declarationversion"] = "2024.1";
            if (verified) draft["taz_dataverified"] = true;
            return draft;
        }

        public static (string, object?) Status(int status) => ("statuscode", new OptionSetValue(status));

        public static Entity Change(Guid id, params (string Column, object? Value)[] values)
        {
            var target = new Entity("taz_supportrequest", id);
            foreach (var (column, value) in values) target[column] = value;
            return target;
        }

        public void Update(Guid id, params (string Column, object? Value)[] values) => Staff.Update(Change(id, values));

        public void Decide(Guid id, params (string Column, object? Value)[] values) => CommitteeService.Update(Change(id, values));

        public Entity Read(Guid id) => AsSystem.Retrieve("taz_supportrequest", id, new ColumnSet(true));

        public int StatusOf(Guid id) => Read(id).GetAttributeValue<OptionSetValue>("statuscode").Value;

        /// <summary>A signed, verified staff draft of a new beneficiary.</summary>
        public Guid NewDraft(int supportType = FinancialAid, decimal? amount = 3000m) => Staff.Create(Signed(DraftData(NewBeneficiary(), supportType, amount)));

        public Guid NewSubmitted(int supportType = FinancialAid, decimal? amount = 3000m)
        {
            var id = NewDraft(supportType, amount);
            Update(id, Status(Submitted));
            return id;
        }

        public Guid NewAwaitingCommittee()
        {
            var id = NewSubmitted();
            Update(id, Status(AwaitingCommittee));
            return id;
        }

        public Guid NewApproved()
        {
            var id = NewAwaitingCommittee();
            Decide(id, Status(Approved), ("taz_decisionreasons", "الأسرة مستحقة حسب البحث"));
            return id;
        }

        /// <summary>A request of a new beneficiary brought to <paramref name="status"/> through the plugins, the way the
        /// officer, the portal and the committee would.</summary>
        public Guid NewRequestIn(int status)
        {
            switch (status)
            {
                case Draft:
                    return NewDraft();
                case Submitted:
                    return NewSubmitted();
                case UnderVerification:
                    return Portal.Create(Signed(DraftData(NewBeneficiary()), verified: false));
                case Referred:
                {
                    var id = NewSubmitted();
                    Update(id, Status(Referred));
                    return id;
                }
                case AwaitingCommittee:
                    return NewAwaitingCommittee();
                case Approved:
                    return NewApproved();
                case PartiallyApproved:
                {
                    var id = NewAwaitingCommittee();
                    Decide(id, Status(PartiallyApproved), ("taz_decisionreasons", "جزئي"), ("taz_approvedamount", new Money(1000m)));
                    return id;
                }
                case Rejected:
                {
                    var id = NewAwaitingCommittee();
                    Decide(id, Status(Rejected), ("taz_decisionreasons", "غير مستحق"));
                    return id;
                }
                case RegistrationCompleted:
                {
                    var id = NewApproved();
                    Update(id, Status(RegistrationCompleted));
                    return id;
                }
                case ServiceDelivered:
                {
                    var id = NewRequestIn(RegistrationCompleted);
                    Update(id, Status(ServiceDelivered));
                    return id;
                }
                case Closed:
                {
                    var id = NewRequestIn(Rejected);
                    Update(id, Status(Closed), ("statecode", new OptionSetValue(1)));
                    return id;
                }
                case Withdrawn:
                {
                    var id = NewDraft();
                    Update(id, Status(Withdrawn), ("statecode", new OptionSetValue(1)));
                    return id;
                }
                default:
                    throw new ArgumentOutOfRangeException(nameof(status), status, "not a status reason of taz_supportrequest");
            }
        }

        /// <summary>The save is refused with the catalogue message of <paramref name="key"/> in both languages (Arabic
        /// first), as the fault Dataverse returns for a plugin's InvalidPluginExecutionException, and no row of the
        /// guarded tables changed.</summary>
        public void Refused(Action save, string key, params object[] args) => RefusedWith(save, PolicyText.Arabic(key, args), PolicyText.English(key, args));

        public void RefusedWith(Action save, string arabic, string english)
        {
            var before = Snapshot();
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(save);
            RefusedPluginCalls = LastPluginCalls;
            Assert.Equal(IsvAborted, fault.Detail.ErrorCode);
            Assert.Equal(arabic + " | " + english, fault.Detail.Message);
            Assert.Contains(arabic, fault.Detail.Message);
            Assert.Contains(english, fault.Detail.Message);
            Assert.Matches("[\u0600-\u06FF]", arabic);
            Assert.Equal(before, Snapshot());
        }

        /// <summary>Every row of the guarded tables, every column, in a stable text form.</summary>
        public string Snapshot(params string[] tables) =>
            string.Join("\n", (tables.Length == 0 ? GuardedTables : tables).SelectMany(table =>
                AsSystem.RetrieveMultiple(new QueryExpression(table) { ColumnSet = new ColumnSet(true) }).Entities
                    .Select(Describe).OrderBy(row => row, StringComparer.Ordinal)));

        public static string Describe(Entity row) =>
            row.LogicalName + ":" + row.Id + "{" + string.Join(", ", row.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + Text(a.Value))) + "}";

        private static string Text(object? value) => value switch
        {
            null => "null",
            OptionSetValue o => "o" + o.Value.ToString(CultureInfo.InvariantCulture),
            Money m => "m" + m.Value.ToString(CultureInfo.InvariantCulture),
            EntityReference r => r.LogicalName + "/" + r.Id,
            DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }
}
