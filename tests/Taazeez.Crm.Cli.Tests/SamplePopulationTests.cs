using System;
using System.Linq;
using System.Text.RegularExpressions;
using Taazeez.Crm.Cli.Simulation;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Cli.Tests;

public sealed class SamplePopulationTests
{
    [Fact]
    public void The_same_seed_gives_the_same_population_and_another_seed_a_different_one()
    {
        var a = SamplePopulation.Generate(200, 30, seed: 7);
        var b = SamplePopulation.Generate(200, 30, seed: 7);
        var c = SamplePopulation.Generate(200, 30, seed: 8);
        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(j => j.NationalId), c.Select(j => j.NationalId));
    }

    [Fact]
    [PolicyClause("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8")]
    public void Seventeen_people_cover_all_eight_channels_and_all_governorates()
    {
        var people = SamplePopulation.Generate(17, 1, seed: 1);
        Assert.Equal(Enumerable.Range(826000001, 8), people.Select(p => p.Channel).Distinct().Order());
        Assert.Equal(Enumerable.Range(826000001, 17), people.Select(p => p.Governorate).Distinct().Order());
    }

    [Fact]
    [PolicyClause("S2")]
    public void Identity_and_contact_data_are_valid_as_the_S2_checks_require()
    {
        var people = SamplePopulation.Generate(2000, 10, seed: 42);
        Assert.Equal(people.Count, people.Select(p => p.NationalId).Distinct().Count());
        Assert.All(people, p =>
        {
            Assert.Matches(new Regex(@"^[12]\d{9}$"), p.NationalId);
            Assert.True(SamplePopulation.IsLuhnValid(p.NationalId), p.NationalId);
            Assert.Equal(p.NationalId[0] == '1' ? 826000001 : 826000002, p.IdType);
            Assert.Matches(new Regex(@"^\+9665\d{8}$"), p.Mobile);
            Assert.InRange(p.HouseholdSize, 1, 50);
            Assert.InRange(p.StartDay, 0, 9);
        });
    }

    [Theory]
    [InlineData("1000000008", true)]
    [InlineData("1000000009", false)]
    [InlineData("2123456788", true)]
    [InlineData("2123456782", false)]
    [InlineData("212345678", false)]
    public void Luhn_check_matches_known_numbers(string id, bool valid) =>
        Assert.Equal(valid, SamplePopulation.IsLuhnValid(id));

    [Fact]
    [PolicyClause("S5")]
    public void Committee_decisions_fall_within_the_period_and_amounts_follow_the_decision()
    {
        var people = SamplePopulation.Generate(1000, 5, seed: 3, committeePeriodDays: 21);
        Assert.All(people, p =>
        {
            Assert.InRange(p.CommitteeDecisionAfterDays, 1, 21);
            if (p.Decision == SamplePopulation.ApprovedDecision) Assert.Equal(p.AmountRequested, p.ApprovedAmount);
            if (p.Decision == SamplePopulation.PartialDecision) Assert.True(p.ApprovedAmount > 0 && p.ApprovedAmount < p.AmountRequested);
            if (p.Decision == SamplePopulation.RejectedDecision) Assert.Equal(0m, p.ApprovedAmount);
            Assert.InRange(p.SurveyOverall, 1, 5);
            Assert.InRange(p.SurveyRecommend, 0, 10);
        });
        Assert.Contains(people, p => p.Decision == SamplePopulation.RejectedDecision);
        Assert.Contains(people, p => p.Decision == SamplePopulation.PartialDecision);
    }

    [Fact]
    [PolicyClause("S5")]
    public void A_committee_period_under_fourteen_days_or_empty_population_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SamplePopulation.Generate(10, 5, 1, committeePeriodDays: 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => SamplePopulation.Generate(0, 5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SamplePopulation.Generate(10, 0, 1));
    }
}
