using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>Roles grant least privilege: only the manager deletes or works organisation-wide on case data.</summary>
    public sealed class SecurityRoleTests
    {
        private const string Manager = "5709a61d-e956-4149-8b0a-6e4b01c3aa3f";
        private static readonly string[] CaseTables = { "taz_beneficiary", "taz_supportrequest", "taz_researchreferral", "taz_committeedecision", "taz_servicedelivery" };

        private static IEnumerable<XElement> Roles => SolutionModel.Instance.Files("Roles", "*.xml").Select(f => XDocument.Load(f).Root!);

        [Fact]
        public void Only_the_manager_deletes_or_has_global_access_to_case_records()
        {
            foreach (var role in Roles.Where(r => !r.Attribute("id")!.Value.Contains(Manager)))
                foreach (var p in role.Descendants("RolePrivilege"))
                {
                    var name = p.Attribute("name")!.Value;
                    if (!CaseTables.Any(t => name.EndsWith(t, System.StringComparison.Ordinal))) continue;
                    Assert.False(name.StartsWith("prvDelete", System.StringComparison.Ordinal), $"{role.Attribute("name")!.Value}: {name}");
                    Assert.NotEqual("Global", p.Attribute("level")!.Value);
                }
        }

        [Fact]
        public void Privileges_name_existing_tables()
        {
            var platform = new HashSet<string> { "Note", "Activity", "User", "Contact", "EnvironmentVariableDefinition", "EnvironmentVariableValue", "Workflow" };
            var verbs = new[] { "prvCreate", "prvRead", "prvWrite", "prvDelete", "prvAppendTo", "prvAppend", "prvAssign", "prvShare" };
            foreach (var p in Roles.SelectMany(r => r.Descendants("RolePrivilege")).Select(p => p.Attribute("name")!.Value))
            {
                var verb = verbs.First(v => p.StartsWith(v, System.StringComparison.Ordinal));
                var table = p[verb.Length..];
                Assert.True(platform.Contains(table) || SolutionModel.Instance.Entities.ContainsKey(table), p);
            }
        }

        [Fact]
        public void Committee_members_record_decisions_and_researchers_record_referrals()
        {
            var byId = Roles.ToDictionary(r => r.Attribute("id")!.Value.Trim('{', '}'), r => r.Descendants("RolePrivilege").Select(p => p.Attribute("name")!.Value).ToHashSet());
            Assert.Contains("prvCreatetaz_committeedecision", byId["66e5a571-44fe-4473-af39-b181ca8496bb"]);
            Assert.DoesNotContain("prvCreatetaz_committeedecision", byId["7e9507d7-48b5-44e3-94ae-2bb65b1d175e"]);
            Assert.Contains("prvWritetaz_researchreferral", byId["7e9507d7-48b5-44e3-94ae-2bb65b1d175e"]);
            Assert.DoesNotContain("prvWritetaz_committeedecision", byId["3fc7e7e8-0434-423c-8d8b-2c6a8551e2b7"]);
        }
    }
}
