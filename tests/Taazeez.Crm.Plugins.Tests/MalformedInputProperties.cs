using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>One generated save sent to the emulator: Create of a new row or Update of one of the rows the property's
    /// organization holds (<see cref="Slot"/>), with any subset of the columns the rules read holding values of any type
    /// (right, wrong, out of range, null), from the officer, a committee member or the portal. Lookups name rows of the
    /// organization by slot (<see cref="MalformedInputs.SlotId"/>) or a row that does not exist.</summary>
    public sealed class PluginInput
    {
        public PluginInput(string message, Entity target, int slot, int caller)
        {
            Message = message;
            Target = target;
            Slot = slot;
            Caller = caller;
        }

        public string Message { get; }
        public Entity Target { get; }
        public int Slot { get; }

        /// <summary>0 the officer, 1 a committee member, 2 the portal.</summary>
        public int Caller { get; }

        public override string ToString() =>
            $"{Message} slot={Slot} caller={(Caller == 0 ? "officer" : Caller == 1 ? "committee" : "portal")} target={Describe(Target)}";

        private static string Describe(Entity row) =>
            row.LogicalName + "{" + string.Join(", ", row.Attributes.Select(a => a.Key + "=" + Value(a.Value))) + "}";

        private static string Value(object? value) => value switch
        {
            null => "null",
            OptionSetValue o => "Option(" + o.Value + ")",
            Money m => "Money(" + m.Value + ")",
            EntityReference r => "Ref(" + r.LogicalName + ", " + r.Id + ")",
            string s when s.Length > 20 => "String(" + s.Substring(0, 20) + "… " + s.Length + " chars)",
            _ => value.GetType().Name + "(" + value + ")",
        };
    }

    public static class MalformedInputs
    {
        private static readonly string[] RequestColumns =
        {
            "statecode", "statuscode", "taz_name", "taz_beneficiaryid", "taz_supporttype", "taz_amountrequested", "taz_description", "taz_channel",
            "taz_dataverified", "taz_verifiedby", "taz_verifiedon", "taz_declarationsigned", "taz_declarationsignedby", "taz_declarationsignedon",
            "taz_declarationversion", "taz_declarationhash", "taz_declarationvoidreason", "taz_submittedon", "taz_committeedueon", "taz_decision",
            "taz_approvedamount", "taz_decisionreasons", "taz_decidedon", "taz_decidedwithinperiod", "taz_registrationcompletedon", "taz_deliveredon",
        };

        private static readonly string[] BeneficiaryColumns =
        {
            "taz_name", "taz_nationalid", "taz_idtype", "taz_mobile", "taz_householdsize", "taz_monthlyincome", "taz_channel",
        };

        private static readonly string[] DeliveryColumns = { "taz_name", "taz_supportrequestid", "taz_deliveredon", "taz_amountdelivered", "taz_channel" };

        private static readonly string[] DecisionColumns = { "taz_name", "taz_supportrequestid", "taz_decision", "taz_reasons", "taz_approvedamount", "taz_decidedby" };

        private static readonly int[] Options =
        {
            -1, 0, 1, 2, 3, 826000000, 826000001, 826000002, 826000003, 826000004, 826000005, 826000006, 826000007, 826000008,
            826000009, 826000010, 826000011, int.MaxValue, int.MinValue,
        };

        /// <summary>A lookup to the n-th row of its table in the property's organization (resolved when the save is sent).</summary>
        public static Guid SlotId(int slot) => new Guid(slot + 1, 0, 0, new byte[8]);

        /// <summary>A row that exists in no table.</summary>
        public static readonly Guid Missing = new Guid("5f0d2a43-8a8e-4d67-9d53-2f3f1bb0a0ff");

        private static Gen<object?> References(params string[] tables) =>
            from table in Gen.Elements(tables)
            from id in Gen.Frequency((6, Gen.Choose(0, 5).Select(SlotId)), (1, Gen.Constant(Missing)))
            select (object?)new EntityReference(table, id);

        private static Gen<object?> Values()
        {
            var texts = Gen.Elements("", " ", "1000000008", "2000000006", "1000000009", "+966512345678", "0512345678", "2024.1", "فاطمة",
                "٣٠٠٠", new string('x', 300), "\u0000", "{\"826000001\":1}");
            return Gen.OneOf(
                Gen.Constant<object?>(null),
                texts.Select(t => (object?)t),
                Gen.Elements(Options).Select(v => (object?)new OptionSetValue(v)),
                Gen.Elements(Options).Select(v => (object?)v),
                Gen.Elements(-1m, 0m, 0.01m, 3000m, 79228162514264337593543950335m, -79228162514264337593543950335m).Select(v => (object?)new Money(v)),
                Gen.Elements(true, false).Select(v => (object?)v),
                Gen.Elements(DateTime.MinValue, DateTime.MaxValue, new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc)).Select(v => (object?)v),
                References("taz_beneficiary", "systemuser", "taz_supportrequest", "contact", ""),
                Gen.Elements(1.5d, double.NaN).Select(v => (object?)v),
                Gen.Constant<object?>(Guid.Empty));
        }

        private static Entity Build(string entity, IEnumerable<string> columns, IEnumerable<object?> values)
        {
            var row = new Entity(entity);
            foreach (var (column, value) in columns.Zip(values, (c, v) => (c, v))) row[column] = value;
            return row;
        }

        private static Gen<PluginInput> Inputs(string entity, string[] columns) =>
            from message in Gen.Elements("Create", "Update", "Update")
            from chosen in Gen.SubListOf(columns)
            from values in Gen.ListOf(Values(), chosen.Count)
            from slot in Gen.Choose(0, 5)
            from caller in Gen.Choose(0, 2)
            select new PluginInput(message, Build(entity, chosen, values), slot, caller);

        /// <summary>Each column holds a value of its own type (3 in 4) or any value at all, so some saves get through the
        /// type checks and reach the rules while every column still meets wrong types, nulls and extremes.</summary>
        public static Arbitrary<PluginInput> Requests() => Arb.From(
            from message in Gen.Elements("Create", "Update", "Update")
            from chosen in Gen.SubListOf(RequestColumns)
            from values in Gen.CollectToList(chosen, column => Gen.Frequency((3, TypedValue(column)), (1, Values())))
            from slot in Gen.Choose(0, 5)
            from caller in Gen.Choose(0, 2)
            select new PluginInput(message, Build("taz_supportrequest", chosen, values), slot, caller));

        /// <summary>Requests whose beneficiary link is left out, cleared, a file of the organization, a file that does
        /// not exist, another table's row or a value of another type, next to well-typed other columns.</summary>
        public static Arbitrary<PluginInput> BeneficiaryLinks() => Arb.From(
            from message in Gen.Elements("Create", "Update")
            from chosen in Gen.SubListOf(RequestColumns.Where(c => c != "taz_beneficiaryid").ToArray())
            from values in Gen.CollectToList(chosen, TypedValue)
            from link in Gen.Frequency(
                (2, Gen.Constant<object?>(Absent)), (2, Gen.Constant<object?>(null)), (4, References("taz_beneficiary")),
                (1, References("contact", "systemuser", "")), (1, Values()))
            from slot in Gen.Choose(0, 5)
            from caller in Gen.Choose(0, 2)
            select new PluginInput(message, WithLink(Build("taz_supportrequest", chosen, values), link), slot, caller));

        private static readonly object Absent = new object();

        private static Entity WithLink(Entity row, object? link)
        {
            if (link != Absent) row["taz_beneficiaryid"] = link;
            return row;
        }

        /// <summary>Values of the column's own type (as Dataverse would deliver them) but of any content, so the
        /// generated saves reach the lifecycle, declaration and decision rules instead of stopping at a type check.</summary>
        private static Gen<object?> TypedValue(string column)
        {
            int[] valid = column switch
            {
                "statecode" => new[] { 0, 1 },
                "statuscode" => new[] { 1, 2, 826000001, 826000002, 826000003, 826000004, 826000005, 826000006, 826000007, 826000008, 826000009, 826000010 },
                "taz_supporttype" => new[] { 826000001, 826000002, 826000003, 826000007 },
                "taz_channel" => new[] { 826000001, 826000002, 826000007, 826000008 },
                _ => new[] { 826000001, 826000002, 826000003 },
            };
            var options = Gen.Frequency((4, Gen.Elements(valid)), (1, Gen.Elements(Options))).Select(v => (object?)new OptionSetValue(v));
            var money = Gen.Elements(-1m, 0m, 1m, 1000m, 3000m, 5000.5m, 1000000m).Select(v => (object?)new Money(v));
            var flag = Gen.Elements(true, false).Select(v => (object?)v);
            var date = Gen.Elements(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 1, 20, 0, 0, 0, DateTimeKind.Utc), DateTime.MinValue)
                .Select(v => (object?)v);
            var text = Gen.Elements("", " ", "2024.1", "2025.2", "فاطمة أحمد", new string('a', 64), "x").Select(v => (object?)v);
            Gen<object?> typed = column switch
            {
                "statecode" or "statuscode" or "taz_supporttype" or "taz_channel" or "taz_decision" => options,
                "taz_amountrequested" or "taz_approvedamount" => money,
                "taz_dataverified" or "taz_declarationsigned" or "taz_decidedwithinperiod" => flag,
                "taz_beneficiaryid" => References("taz_beneficiary"),
                "taz_verifiedby" => References("systemuser"),
                "taz_verifiedon" or "taz_declarationsignedon" or "taz_submittedon" or "taz_committeedueon" or "taz_decidedon"
                    or "taz_registrationcompletedon" or "taz_deliveredon" => date,
                _ => text,
            };
            return Gen.Frequency((9, typed), (1, Gen.Constant<object?>(null)));
        }

        public static Arbitrary<PluginInput> TypedRequests() => Arb.From(
            from message in Gen.Elements("Create", "Update", "Update")
            from chosen in Gen.SubListOf(RequestColumns)
            from values in Gen.CollectToList(chosen, TypedValue)
            from slot in Gen.Choose(0, 5)
            from caller in Gen.Elements(0, 1, 1, 2)
            select new PluginInput(message, Build("taz_supportrequest", chosen, values), slot, caller));

        public static Arbitrary<PluginInput> Beneficiaries() => Arb.From(Inputs("taz_beneficiary", BeneficiaryColumns));

        public static Arbitrary<PluginInput> Deliveries() => Arb.From(Inputs("taz_servicedelivery", DeliveryColumns));

        public static Arbitrary<PluginInput> Decisions() => Arb.From(Inputs("taz_committeedecision", DecisionColumns));
    }

    /// <summary>The organization one property sends its generated saves to: the emulator with the Plugins assembly, a
    /// few rows of every guarded table in every interesting state (made through the plugins, as users would), and the
    /// environment variables holding malformed values. It is rebuilt every <see cref="CasesPerOrganization"/> cases or
    /// when the touched table grew past <see cref="MaxRows"/> rows, so comparing the guarded tables before and after each save
    /// stays cheap; between rebuilds the successful saves accumulate, so later saves meet the states earlier ones left.</summary>
    internal sealed class PropertyOrganization
    {
        private const int CasesPerOrganization = 500;
        private const int MaxRows = 60;

        private static readonly HashSet<int> DataverseValidation = new HashSet<int>
        {
            DataverseFaults.InvalidArgument, DataverseFaults.StringLengthTooLong, DataverseFaults.InvalidOptionSetValue, DataverseFaults.ValueOutOfRange,
            DataverseFaults.ObjectDoesNotExist, DataverseFaults.QueryBuilderNoAttribute,
        };

        private Org? _org;

        /// <summary>The guarded tables as the last accepted save (or the rebuild) left them: only an accepted save may
        /// change them, so a refused one is compared against this.</summary>
        private string _store = "";
        private Dictionary<string, List<Guid>> _rows = new Dictionary<string, List<Guid>>();
        private int _cases;

        public int Accepted { get; private set; }
        public int RefusedByPolicy { get; private set; }
        public int RefusedByDataverse { get; private set; }

        private Org Fresh()
        {
            var org = new Org();
            org.Emulator.SetEnvironmentVariable("taz_CommitteeResponsePeriodDays", "not a number");
            org.Emulator.SetEnvironmentVariable("taz_SupportTypeCeilings", "{\"826000001\":");
            var requests = new[] { Org.Draft, Org.Submitted, Org.UnderVerification, Org.AwaitingCommittee, Org.Approved, Org.RegistrationCompleted }
                .Select(org.NewRequestIn).ToList();
            var beneficiaries = org.AsSystem.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.QueryExpression("taz_beneficiary")).Entities.Select(e => e.Id).ToList();
            var delivery = org.Staff.Create(new Entity("taz_servicedelivery")
            {
                ["taz_name"] = "سلة غذائية",
                ["taz_supportrequestid"] = new EntityReference("taz_supportrequest", requests[5]),
            });
            var decision = org.CommitteeService.Create(new Entity("taz_committeedecision")
            {
                ["taz_name"] = "قرار",
                ["taz_supportrequestid"] = new EntityReference("taz_supportrequest", requests[3]),
                ["taz_decision"] = new OptionSetValue(826000001),
                ["taz_reasons"] = "مستحق",
            });
            _rows = new Dictionary<string, List<Guid>>
            {
                ["taz_supportrequest"] = requests,
                ["taz_beneficiary"] = beneficiaries,
                ["systemuser"] = new List<Guid> { org.Officer, org.Committee },
                ["taz_servicedelivery"] = new List<Guid> { delivery },
                ["taz_committeedecision"] = new List<Guid> { decision },
            };
            return org;
        }

        /// <summary>Sends the save; true when it ended in success, or in a policy fault ("ar | en" of the catalogue,
        /// 0x80040265) or a Dataverse validation fault, with the table unchanged — never an unexpected plugin exception.</summary>
        public bool EndsWell(PluginInput input)
        {
            var table = input.Target.LogicalName;
            if (_org == null || ++_cases > CasesPerOrganization || _org.Emulator.Count(table) > MaxRows)
            {
                _org = Fresh();
                _cases = 1;
                _store = _org.Snapshot();
            }
            var org = _org;
            var target = new Entity(table);
            foreach (var (column, value) in input.Target.Attributes) target[column] = Resolve(value);
            if (input.Message == "Update") target.Id = Pick(table, input.Slot);
            var service = input.Caller switch { 0 => org.Staff, 1 => org.CommitteeService, _ => org.Portal };

            var before = _store;
            var traces = org.Emulator.Traces.Count;
            try
            {
                if (input.Message == "Create") service.Create(target);
                else service.Update(target);
                Accepted++;
                _store = org.Snapshot();
                return true;
            }
            catch (FaultException<OrganizationServiceFault> fault)
            {
                var code = fault.Detail.ErrorCode;
                if (code == Org.UnexpectedPluginError)
                    throw new InvalidOperationException("unexpected exception from a plug-in: " + fault.Detail.Message);
                var failed = org.Emulator.Traces.Skip(traces).FirstOrDefault(t => t.Exception is { } e && e is not InvalidPluginExecutionException);
                if (failed != null)
                    throw new InvalidOperationException($"{failed.PluginType} failed with {failed.Exception!.GetType().Name}: {failed.Exception.Message}");
                if (code == Org.IsvAborted)
                {
                    if (!PolicyText.Patterns.Value.Any(p => p.IsMatch(fault.Detail.Message)))
                        throw new InvalidOperationException("a plug-in fault that is no policy message: " + fault.Detail.Message);
                    RefusedByPolicy++;
                    var english = fault.Detail.Message.Substring(fault.Detail.Message.LastIndexOf(" | ", StringComparison.Ordinal) + 3);
                    english = english.Length > 40 ? english.Substring(0, 40) : english;
                    _messages[english] = _messages.TryGetValue(english, out var n) ? n + 1 : 1;
                }
                else if (DataverseValidation.Contains(code)) RefusedByDataverse++;
                else throw new InvalidOperationException($"fault 0x{code:x8}: {fault.Detail.Message}");
                var after = org.Snapshot();
                if (after != before) throw new InvalidOperationException("a refused save of " + table + " changed the store:\n" + before + "\n--- after ---\n" + after);
                return true;
            }
        }

        private readonly Dictionary<string, int> _messages = new Dictionary<string, int>();

        public string Summary() => $"accepted {Accepted}, refused by the policy {RefusedByPolicy}, by Dataverse validation {RefusedByDataverse}; "
            + string.Join("; ", _messages.OrderByDescending(m => m.Value).Select(m => m.Value + "× " + m.Key));

        private Guid Pick(string table, int slot) =>
            _rows.TryGetValue(table, out var ids) && ids.Count > 0 ? ids[slot % ids.Count] : MalformedInputs.Missing;

        private object? Resolve(object? value)
        {
            if (value is not EntityReference reference || reference.Id == MalformedInputs.Missing) return value;
            for (var slot = 0; slot < 6; slot++)
                if (reference.Id == MalformedInputs.SlotId(slot))
                    return new EntityReference(reference.LogicalName, Pick(reference.LogicalName, slot));
            return value;
        }
    }

    public sealed class RequestInputs
    {
        public static Arbitrary<PluginInput> Inputs() => MalformedInputs.Requests();
    }

    public sealed class BeneficiaryLinkInputs
    {
        public static Arbitrary<PluginInput> Inputs() => MalformedInputs.BeneficiaryLinks();
    }

    public sealed class TypedRequestInputs
    {
        public static Arbitrary<PluginInput> Inputs() => MalformedInputs.TypedRequests();
    }

    public sealed class BeneficiaryInputs
    {
        public static Arbitrary<PluginInput> Inputs() => MalformedInputs.Beneficiaries();
    }

    public sealed class DeliveryInputs
    {
        public static Arbitrary<PluginInput> Inputs() => MalformedInputs.Deliveries();
    }

    public sealed class DecisionInputs
    {
        public static Arbitrary<PluginInput> Inputs() => MalformedInputs.Decisions();
    }

    /// <summary>10,000 generated saves per plugin through the emulator and the solution's registered steps (one
    /// organization per property, rebuilt now and then): each ends in success, a policy fault in both languages or a
    /// Dataverse validation fault, never an unexpected plug-in exception, and a refused save leaves its table as it was.
    /// The request properties exercise SupportRequestBeneficiaryRequired (stage 10) and SupportRequestPolicy (stage 20)
    /// together, as Dataverse runs them.</summary>
    public sealed class MalformedInputProperties : IDisposable
    {
        private readonly PropertyOrganization _organization = new PropertyOrganization();
        private readonly Xunit.Abstractions.ITestOutputHelper _output;

        public MalformedInputProperties(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

        /// <summary>Each property must have seen saves accepted and saves refused by the policy, or it proved nothing.</summary>
        public void Dispose()
        {
            _output.WriteLine(_organization.Summary());
            Assert.True(_organization.Accepted > 0 && _organization.RefusedByPolicy > 0, _organization.Summary());
        }

        [Property(MaxTest = 10000, Arbitrary = new[] { typeof(DeliveryInputs) })]
        [PolicyClause("S7")]
        public bool ServiceDeliveryValidation_ends_in_success_or_a_bilingual_InvalidPluginExecutionException(PluginInput input) =>
            _organization.EndsWell(input);

        [Property(MaxTest = 10000, Arbitrary = new[] { typeof(DecisionInputs) })]
        [PolicyClause("S5")]
        public bool CommitteeDecisionValidation_ends_in_success_or_a_bilingual_InvalidPluginExecutionException(PluginInput input) =>
            _organization.EndsWell(input);

        [Property(MaxTest = 10000, Arbitrary = new[] { typeof(RequestInputs) })]
        [PolicyClause("S2", "S4", "S5", "C7")]
        public bool SupportRequestPolicy_ends_in_success_or_a_bilingual_InvalidPluginExecutionException(PluginInput input) =>
            _organization.EndsWell(input);

        [Property(MaxTest = 10000, Arbitrary = new[] { typeof(TypedRequestInputs) })]
        [PolicyClause("S1", "S2", "S4", "S5", "S6", "S7", "C7")]
        public bool SupportRequestPolicy_with_well_typed_values_ends_in_success_or_a_bilingual_InvalidPluginExecutionException(PluginInput input) =>
            _organization.EndsWell(input);

        [Property(MaxTest = 10000, Arbitrary = new[] { typeof(BeneficiaryLinkInputs) })]
        [PolicyClause("S2", "T4")]
        public bool SupportRequestBeneficiaryRequired_ends_in_success_or_a_bilingual_InvalidPluginExecutionException(PluginInput input) =>
            _organization.EndsWell(input);

        [Property(MaxTest = 10000, Arbitrary = new[] { typeof(BeneficiaryInputs) })]
        [PolicyClause("S2")]
        public bool BeneficiaryValidation_ends_in_success_or_a_bilingual_InvalidPluginExecutionException(PluginInput input) =>
            _organization.EndsWell(input);
    }
}
