using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Packer;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Emulator.Tests.Charts
{
    /// <summary>The managers' satisfaction charts, run as the solution ships them, give each branch office and each
    /// month the average of the surveys answered there — unanswered invitations do not drag the average down.</summary>
    public class SatisfactionChartTests
    {
        private readonly DataverseEmulator _emulator = DataverseEmulator.FromSolutionFolder(DataverseEmulator.FindSolutionFolder());

        private static string Chart(string englishName) =>
            SolutionFetchQuery.FromFolder(DataverseEmulator.FindSolutionFolder()).Single(q => q.Kind == "chart" && q.EnglishName == englishName).FetchXml;

        private void Survey(IOrganizationService service, Guid office, int? overall, DateTime respondedOn)
        {
            var survey = new Entity("taz_satisfactionsurvey") { ["taz_name"] = "استبيان", ["taz_branchofficeid"] = new EntityReference("taz_branchoffice", office) };
            if (overall is { } score) { survey["taz_overallscore"] = score; survey["taz_respondedon"] = respondedOn; }
            service.Create(survey);
        }

        [Fact]
        [PolicyClause("G6c", "G5")]
        public void Average_satisfaction_per_branch_gives_every_office_its_own_average()
        {
            var service = _emulator.CreateService(_emulator.SystemUserId);
            var sabya = service.Create(new Entity("taz_branchoffice") { ["taz_name"] = "صبيا" });
            var samtah = service.Create(new Entity("taz_branchoffice") { ["taz_name"] = "صامطة" });
            var day = new DateTime(2026, 2, 10, 0, 0, 0, DateTimeKind.Utc);
            Survey(service, sabya, 5, day);
            Survey(service, sabya, 4, day);
            Survey(service, sabya, null, day);
            Survey(service, samtah, 2, day);

            var rows = service.RetrieveMultiple(new FetchExpression(Chart("Average satisfaction per branch"))).Entities;
            double Average(Guid office) => Convert.ToDouble(rows
                .Single(r => ((EntityReference)((AliasedValue)r["groupby_column"]).Value).Id == office)
                .GetAttributeValue<AliasedValue>("aggregate_column").Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(2, rows.Count);
            Assert.Equal(4.5, Average(sabya));
            Assert.Equal(2.0, Average(samtah));
        }

        [Fact]
        [PolicyClause("G6d", "G5")]
        public void Average_satisfaction_per_month_shows_the_trend()
        {
            var service = _emulator.CreateService(_emulator.SystemUserId);
            var office = service.Create(new Entity("taz_branchoffice") { ["taz_name"] = "جازان" });
            Survey(service, office, 2, new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc));
            Survey(service, office, 3, new DateTime(2026, 1, 28, 0, 0, 0, DateTimeKind.Utc));
            Survey(service, office, 5, new DateTime(2026, 2, 3, 0, 0, 0, DateTimeKind.Utc));

            var rows = service.RetrieveMultiple(new FetchExpression(Chart("Average satisfaction per month"))).Entities;
            var averages = rows.Select(r => Convert.ToDouble(r.GetAttributeValue<AliasedValue>("aggregate_column").Value, System.Globalization.CultureInfo.InvariantCulture))
                .OrderBy(v => v).ToList();
            Assert.Equal(new[] { 2.5, 5.0 }, averages);
        }
    }
}
