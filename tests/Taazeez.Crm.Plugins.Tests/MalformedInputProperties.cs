using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>One generated plugin execution: any message, a target and pre-image with any subset of the columns the
    /// rules read holding values of any type (right, wrong, out of range, null), from staff or the portal.</summary>
    public sealed class PluginInput
    {
        public PluginInput(string message, Entity target, Entity before, bool portal, int depth)
        {
            Message = message;
            Target = target;
            Before = before;
            Portal = portal;
            Depth = depth;
        }

        public string Message { get; }
        public Entity Target { get; }
        public Entity Before { get; }
        public bool Portal { get; }
        public int Depth { get; }

        public override string ToString() =>
            $"{Message} portal={Portal} depth={Depth} target={Describe(Target)} before={Describe(Before)}";

        private static string Describe(Entity row) =>
            row.LogicalName + "{" + string.Join(", ", row.Attributes.Select(a => a.Key + "=" + Value(a.Value))) + "}";

        private static string Value(object? value) => value switch
        {
            null => "null",
            OptionSetValue o => "Option(" + o.Value + ")",
            Money m => "Money(" + m.Value + ")",
            EntityReference r => "Ref(" + r.LogicalName + ")",
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

        private static readonly int[] Options =
        {
            -1, 0, 1, 2, 3, 826000000, 826000001, 826000002, 826000003, 826000004, 826000005, 826000006, 826000007, 826000008,
            826000009, 826000010, 826000011, int.MaxValue, int.MinValue,
        };

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
                Gen.Elements("taz_beneficiary", "systemuser", "").Select(n => (object?)new EntityReference(n, Guid.NewGuid())),
                Gen.Elements(1.5d, double.NaN).Select(v => (object?)v),
                Gen.Constant<object?>(Guid.Empty));
        }

        private static Gen<Entity> Rows(string entity, string[] columns) =>
            from chosen in Gen.SubListOf(columns)
            from values in Gen.ListOf(Values(), chosen.Count)
            select Build(entity, chosen, values);

        private static Entity Build(string entity, IEnumerable<string> columns, IEnumerable<object?> values)
        {
            var row = new Entity(entity, Guid.NewGuid());
            foreach (var (column, value) in columns.Zip(values, (c, v) => (c, v))) row[column] = value;
            return row;
        }

        private static Gen<PluginInput> Inputs(string entity, string[] columns) =>
            from message in Gen.Elements("Create", "Update", "Update", "Delete")
            from target in Rows(entity, columns)
            from before in Rows(entity, columns)
            from portal in Gen.Elements(true, false)
            from depth in Gen.Elements(1, 1, 2, 9)
            select new PluginInput(message, target, before, portal, depth);

        public static Arbitrary<PluginInput> Requests() => Arb.From(Inputs("taz_supportrequest", RequestColumns));

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
            var reference = Gen.Elements(SharedBeneficiary, Guid.NewGuid()).Select(id => (object?)new EntityReference(column == "taz_verifiedby" ? "systemuser" : "taz_beneficiary", id));
            Gen<object?> typed = column switch
            {
                "statecode" or "statuscode" or "taz_supporttype" or "taz_channel" or "taz_decision" => options,
                "taz_amountrequested" or "taz_approvedamount" => money,
                "taz_dataverified" or "taz_declarationsigned" or "taz_decidedwithinperiod" => flag,
                "taz_beneficiaryid" or "taz_verifiedby" => reference,
                "taz_verifiedon" or "taz_declarationsignedon" or "taz_submittedon" or "taz_committeedueon" or "taz_decidedon"
                    or "taz_registrationcompletedon" or "taz_deliveredon" => date,
                _ => text,
            };
            return Gen.Frequency((9, typed), (1, Gen.Constant<object?>(null)));
        }

        private static readonly Guid SharedBeneficiary = new Guid("5f0d2a43-8a8e-4d67-9d53-2f3f1bb0a001");

        private static Gen<Entity> TypedRows(string[] columns) =>
            from chosen in Gen.SubListOf(columns)
            from values in Gen.CollectToList(chosen, TypedValue)
            select Build("taz_supportrequest", chosen, values);

        public static Arbitrary<PluginInput> TypedRequests() => Arb.From(
            from message in Gen.Elements("Create", "Update", "Update")
            from target in TypedRows(RequestColumns)
            from before in TypedRows(RequestColumns)
            from portal in Gen.Elements(true, false, false)
            select new PluginInput(message, target, before, portal, 1));

        public static Arbitrary<PluginInput> Beneficiaries() => Arb.From(Inputs("taz_beneficiary", BeneficiaryColumns));

        private static readonly string[] DeliveryColumns = { "taz_name", "taz_supportrequestid", "taz_deliveredon", "taz_amountdelivered", "taz_channel" };

        private static readonly string[] DecisionColumns = { "taz_name", "taz_supportrequestid", "taz_decision", "taz_reasons", "taz_approvedamount", "taz_decidedby" };

        public static Arbitrary<PluginInput> Deliveries() => Arb.From(Inputs("taz_servicedelivery", DeliveryColumns));

        public static Arbitrary<PluginInput> Decisions() => Arb.From(Inputs("taz_committeedecision", DecisionColumns));

        internal static bool EndsWellFor(IPlugin plugin, PluginInput input, InMemoryService service)
        {
            var context = new PipelineContext(input.Message, input.Target, stage: 20)
            {
                Service = service,
                IsPortalsClientCall = input.Portal,
                Depth = input.Depth,
                UserId = CommitteeMember,
            };
            context.WithPreImage("PreImage", input.Before);
            try
            {
                plugin.Execute(context);
                return true;
            }
            catch (InvalidPluginExecutionException error)
            {
                var parts = error.Message.Split(new[] { " | " }, StringSplitOptions.None);
                return parts.Length >= 2 && parts[0].Any(c => c >= '\u0600' && c <= '\u06FF') && parts[^1].All(c => c < '\u0600' || c > '\u06FF');
            }
        }

        internal static InMemoryService Service() => new InMemoryService()
            .EnvironmentVariable("taz_CommitteeResponsePeriodDays", "14", "not a number")
            .EnvironmentVariable("taz_DeclarationTextVersion", "2024.1")
            .EnvironmentVariable("taz_SupportTypeCeilings", "{}", "{\"826000001\":")
            .Add(new Entity("taz_beneficiary", Guid.NewGuid()) { ["taz_nationalid"] = "1000000008", ["taz_name"] = "x" })
            .Add(new Entity("taz_supportrequest", Guid.NewGuid()) { ["statuscode"] = new OptionSetValue(826000008) })
            .Add(new Entity("taz_supportrequest", Guid.NewGuid())
            {
                ["taz_name"] = "SR-2026-000007", ["statuscode"] = new OptionSetValue(826000001),
                ["taz_beneficiaryid"] = new EntityReference("taz_beneficiary", SharedBeneficiary), ["taz_supporttype"] = new OptionSetValue(826000001),
            })
            .UserRole(CommitteeMember, new Guid("66e5a571-44fe-4473-af39-b181ca8496bb"));

        /// <summary>The caller of every generated save: a committee member, so generated decisions get past the role check.</summary>
        internal static readonly Guid CommitteeMember = new Guid("5f0d2a43-8a8e-4d67-9d53-2f3f1bb0a002");
    }

    public sealed class RequestInputs
    {
        public static Arbitrary<PluginInput> Inputs() => MalformedInputs.Requests();
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

    public class MalformedInputProperties
    {
        [Property(MaxTest = 10000, Arbitrary = new[] { typeof(DeliveryInputs) })]
        [PolicyClause("S7")]
        public bool ServiceDeliveryValidation_ends_in_success_or_a_bilingual_InvalidPluginExecutionException(PluginInput input) =>
            MalformedInputs.EndsWellFor(new ServiceDeliveryValidation(null, null), input, MalformedInputs.Service());

        [Property(MaxTest = 10000, Arbitrary = new[] { typeof(DecisionInputs) })]
        [PolicyClause("S5")]
        public bool CommitteeDecisionValidation_ends_in_success_or_a_bilingual_InvalidPluginExecutionException(PluginInput input) =>
            MalformedInputs.EndsWellFor(new CommitteeDecisionValidation(null, null), input, MalformedInputs.Service());

        [Property(MaxTest = 10000, Arbitrary = new[] { typeof(RequestInputs) })]
        [PolicyClause("S2", "S4", "S5", "C7")]
        public bool SupportRequestPolicy_ends_in_success_or_a_bilingual_InvalidPluginExecutionException(PluginInput input) =>
            MalformedInputs.EndsWellFor(new SupportRequestPolicy(null, null), input, MalformedInputs.Service());

        [Property(MaxTest = 10000, Arbitrary = new[] { typeof(TypedRequestInputs) })]
        [PolicyClause("S1", "S2", "S4", "S5", "S6", "S7", "C7")]
        public bool SupportRequestPolicy_with_well_typed_values_ends_in_success_or_a_bilingual_InvalidPluginExecutionException(PluginInput input) =>
            MalformedInputs.EndsWellFor(new SupportRequestPolicy(null, null), input, MalformedInputs.Service());

        [Property(MaxTest = 10000, Arbitrary = new[] { typeof(RequestInputs) })]
        [PolicyClause("S2", "T4")]
        public bool SupportRequestBeneficiaryRequired_ends_in_success_or_a_bilingual_InvalidPluginExecutionException(PluginInput input) =>
            MalformedInputs.EndsWellFor(new SupportRequestBeneficiaryRequired(null, null), input, MalformedInputs.Service());

        [Property(MaxTest = 10000, Arbitrary = new[] { typeof(BeneficiaryInputs) })]
        [PolicyClause("S2")]
        public bool BeneficiaryValidation_ends_in_success_or_a_bilingual_InvalidPluginExecutionException(PluginInput input) =>
            MalformedInputs.EndsWellFor(new BeneficiaryValidation(null, null), input, MalformedInputs.Service());
    }
}
