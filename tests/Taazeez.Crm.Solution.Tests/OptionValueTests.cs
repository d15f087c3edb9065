using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>Custom option values use the publisher's option value prefix 82600 (826000000 + n).</summary>
    public sealed class OptionValueTests
    {
        private static bool Prefixed(int value) => value > 826000000 && value < 827000000;

        [Fact]
        public void Global_option_values_use_the_publisher_prefix()
        {
            var bad = SolutionModel.Instance.OptionSets.Values.SelectMany(s => s.Descendants("option")
                .Where(o => !Prefixed(int.Parse(o.Attribute("value")!.Value))).Select(o => $"{s.Attribute("Name")!.Value}={o.Attribute("value")!.Value}")).ToList();
            Assert.True(bad.Count == 0, string.Join(", ", bad));
            Assert.Equal("82600", XDocument.Load(System.IO.Path.Combine(Repo.SolutionSrc, "Other", "Solution.xml")).Descendants("CustomizationOptionValuePrefix").Single().Value);
        }

        [Fact]
        public void Custom_status_reasons_use_the_prefix_and_platform_defaults_stay()
        {
            // Status reasons 1..3 are the platform's defaults (Active/Inactive, activity Open/Completed/Canceled); every added one is prefixed.
            var bad = new List<string>();
            foreach (var (table, columns) in SolutionModel.Instance.Columns)
                if (columns.TryGetValue("statuscode", out var status))
                    foreach (var s in status.Descendants("status"))
                    {
                        var value = int.Parse(s.Attribute("value")!.Value);
                        if (value > 3 && !Prefixed(value)) bad.Add($"{table}:{value}");
                    }
            Assert.True(bad.Count == 0, string.Join(", ", bad));
        }

        [Fact]
        [PolicyClause("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8")]
        public void Channel_option_set_has_exactly_the_eight_policy_channels()
        {
            var options = SolutionModel.Instance.OptionSets["taz_channel"].Descendants("option").ToList();
            Assert.Equal(Enumerable.Range(1, 8).Select(n => 826000000 + n), options.Select(o => int.Parse(o.Attribute("value")!.Value)));
            for (var n = 1; n <= 8; n++)
                Assert.StartsWith($"C{n} ", options[n - 1].Descendants("label").Single(l => l.Attribute("languagecode")!.Value == "1033").Attribute("description")!.Value);
        }

        [Fact]
        public void Boolean_columns_declare_yes_and_no_in_both_languages()
        {
            var booleans = SolutionModel.Instance.Columns.SelectMany(t => t.Value.Values).Where(c => c.Element("Type")!.Value == "bit").ToList();
            Assert.NotEmpty(booleans);
            Assert.All(booleans, b => Assert.Equal(new[] { "1", "0" }, b.Descendants("option").Select(o => o.Attribute("value")!.Value)));
        }
    }
}
