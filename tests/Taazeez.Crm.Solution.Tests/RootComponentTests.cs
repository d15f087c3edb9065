using System;
using System.Collections.Generic;
using System.Linq;
using Taazeez.Crm.Packer;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>Other/Solution.xml lists exactly the components the folder holds (docs/contracts.md: whoever adds one adds its line).</summary>
    public sealed class RootComponentTests
    {
        // Solution component type codes → the kind SolutionComponents uses for that component.
        private static readonly Dictionary<string, string> Kinds = new()
        {
            ["1"] = "Entity", ["9"] = "OptionSet", ["20"] = "Role", ["29"] = "Workflow", ["60"] = "Dashboard", ["62"] = "SiteMap",
            ["61"] = "WebResource", ["70"] = "FieldSecurityProfile", ["80"] = "AppModule", ["91"] = "PluginAssembly", ["92"] = "Step",
            ["380"] = "EnvironmentVariable",
        };

        private static readonly IReadOnlyCollection<string> Components = SolutionComponents.FromFolder(Repo.SolutionSrc);

        private static IEnumerable<(string Type, string Key)> Roots() =>
            Components.Where(c => c.StartsWith("RootComponent:", StringComparison.Ordinal))
                .Select(c => c["RootComponent:".Length..]).Select(c => (c[..c.IndexOf(':')], c[(c.IndexOf(':') + 1)..]));

        [Fact]
        public void Every_root_component_exists_in_the_folder()
        {
            var problems = new List<string>();
            foreach (var (type, key) in Roots())
            {
                // A type code this list does not know (such as a guessed dynamic code for a custom API) is an error, not skipped:
                // custom APIs have no root component line at all (docs/contracts.md, Solution.xml).
                if (!Kinds.TryGetValue(type, out var kind)) { problems.Add($"type {type} {key}: unknown component type code"); continue; }
                var exists = kind switch
                {
                    "Entity" => Components.Contains("Entity:" + key),
                    "PluginAssembly" => Components.Contains("PluginAssembly:" + key) || Guid.TryParse(key, out _), // listed by id only: the id is checked by the plugin tests
                    _ => Components.Contains($"{kind}:{key}"),
                };
                if (!exists) problems.Add($"type {type} {key}");
            }
            Assert.True(problems.Count == 0, "root components without a component: " + string.Join(", ", problems));
        }

        [Fact]
        public void Every_top_level_component_has_a_root_component()
        {
            var roots = Roots().Select(r => Kinds.TryGetValue(r.Type, out var k) ? $"{k}:{r.Key}" : "").ToHashSet();
            // Custom APIs (CustomApi:, CustomApiPart:) are deliberately absent: they are imported from their customapis folder.
            var topLevel = new[] { "Entity:", "OptionSet:", "Role:", "Workflow:", "Dashboard:", "SiteMap:", "FieldSecurityProfile:", "AppModule:", "EnvironmentVariable:", "Step:", "WebResource:" };
            var missing = Components.Where(c => topLevel.Any(p => c.StartsWith(p, StringComparison.Ordinal)) && !roots.Contains(c)).ToList();
            Assert.True(missing.Count == 0, "components missing from Other/Solution.xml RootComponents: " + string.Join(", ", missing));
        }
    }
}
