using System;
using Taazeez.Crm.Tests;
using Taazeez.Crm.WorkflowActivities;

namespace Taazeez.Crm.Workflows.Tests
{
    public class CommitteeDueDateTests
    {
        private static readonly DateTime Submitted = new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc);

        [Theory]
        [PolicyClause("S5")]
        [InlineData(0, 14)]
        [InlineData(7, 14)]
        [InlineData(13, 14)]
        [InlineData(14, 14)]
        [InlineData(21, 21)]
        [InlineData(-5, 14)]
        public void The_period_is_never_under_14_days(int configured, int expectedDays)
        {
            Assert.Equal(expectedDays, CommitteeDueDate.EffectiveDays(configured));
            Assert.Equal(Submitted.AddDays(expectedDays), CommitteeDueDate.Compute(Submitted, configured));
        }

        [Theory]
        [PolicyClause("S5")]
        [InlineData(2024, 3, 11, "1 رمضان 1445 هـ", "1 Ramadan 1445 AH")]
        [InlineData(2025, 3, 1, "1 رمضان 1446 هـ", "1 Ramadan 1446 AH")]
        [InlineData(2024, 7, 7, "1 محرم 1446 هـ", "1 Muharram 1446 AH")]
        public void Hijri_text_follows_Umm_al_Qura(int y, int m, int d, string ar, string en)
        {
            var date = new DateTime(y, m, d, 12, 0, 0, DateTimeKind.Utc);
            Assert.Equal(ar, CommitteeDueDate.HijriTextAr(date));
            Assert.Equal(en, CommitteeDueDate.HijriTextEn(date));
        }

        [Fact]
        public void Dates_outside_the_Umm_al_Qura_range_are_rejected_clearly()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => CommitteeDueDate.HijriTextAr(new DateTime(2100, 1, 1)));
        }

        [Fact]
        public void Deterministic_ids_are_stable_per_key_and_distinct_across_keys()
        {
            var a = DeterministicId.For("notify|Decision|request:1");
            Assert.Equal(a, DeterministicId.For("notify|Decision|request:1"));
            Assert.NotEqual(a, DeterministicId.For("notify|Decision|request:2"));
            Assert.Equal('5', a.ToString("D")[14]); // RFC 4122 version 5
            Assert.Throws<ArgumentException>(() => DeterministicId.For(""));
        }
    }
}
