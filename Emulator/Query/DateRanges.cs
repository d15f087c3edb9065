using System;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>The relative date operators as half-open UTC ranges [From, To) computed once per query from the
    /// emulator clock (never DateTime.Now), so a test that advances the clock sees the same answer every run.</summary>
    internal static class DateRanges
    {
        public readonly record struct Range(DateTime From, DateTime To)
        {
            public bool Contains(DateTime value) => value >= From && value < To;
        }

        /// <summary>Operators that take no value (Today, ThisMonth...).</summary>
        public static Range? Fixed(ConditionOperator op, DateTime utcNow)
        {
            var today = utcNow.Date;
            var weekStart = today.AddDays(-(int)today.DayOfWeek); // Sunday, SQL Server's default DATEFIRST for us_english
            var monthStart = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            var yearStart = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            return op switch
            {
                ConditionOperator.Today => new Range(today, today.AddDays(1)),
                ConditionOperator.Yesterday => new Range(today.AddDays(-1), today),
                ConditionOperator.Tomorrow => new Range(today.AddDays(1), today.AddDays(2)),
                ConditionOperator.Last7Days => Relative(ConditionOperator.LastXDays, 7, utcNow),
                ConditionOperator.Next7Days => Relative(ConditionOperator.NextXDays, 7, utcNow),
                ConditionOperator.ThisWeek => new Range(weekStart, weekStart.AddDays(7)),
                ConditionOperator.LastWeek => new Range(weekStart.AddDays(-7), weekStart),
                ConditionOperator.NextWeek => new Range(weekStart.AddDays(7), weekStart.AddDays(14)),
                ConditionOperator.ThisMonth => new Range(monthStart, monthStart.AddMonths(1)),
                ConditionOperator.LastMonth => new Range(monthStart.AddMonths(-1), monthStart),
                ConditionOperator.NextMonth => new Range(monthStart.AddMonths(1), monthStart.AddMonths(2)),
                ConditionOperator.ThisYear => new Range(yearStart, yearStart.AddYears(1)),
                ConditionOperator.LastYear => new Range(yearStart.AddYears(-1), yearStart),
                ConditionOperator.NextYear => new Range(yearStart.AddYears(1), yearStart.AddYears(2)),
                _ => null,
            };
        }

        /// <summary>Operators that take a count X. "Last X" runs from the start of the day (or now, for hours/minutes)
        /// X units ago up to and including now; "Next X" from now to the end of the X-th unit; "Older than X"
        /// is everything before now minus X.</summary>
        public static Range? Relative(ConditionOperator op, int x, DateTime utcNow)
        {
            var today = utcNow.Date;
            var endOfNow = utcNow.AddTicks(1);
            return op switch
            {
                ConditionOperator.LastXHours => new Range(utcNow.AddHours(-x), endOfNow),
                ConditionOperator.NextXHours => new Range(utcNow, utcNow.AddHours(x).AddTicks(1)),
                ConditionOperator.LastXDays => new Range(today.AddDays(-x), endOfNow),
                ConditionOperator.NextXDays => new Range(utcNow, today.AddDays(x + 1)),
                ConditionOperator.LastXWeeks => new Range(today.AddDays(-7 * x), endOfNow),
                ConditionOperator.NextXWeeks => new Range(utcNow, today.AddDays(7 * x + 1)),
                ConditionOperator.LastXMonths => new Range(today.AddMonths(-x), endOfNow),
                ConditionOperator.NextXMonths => new Range(utcNow, today.AddMonths(x).AddDays(1)),
                ConditionOperator.LastXYears => new Range(today.AddYears(-x), endOfNow),
                ConditionOperator.NextXYears => new Range(utcNow, today.AddYears(x).AddDays(1)),
                ConditionOperator.OlderThanXMinutes => new Range(DateTime.MinValue, utcNow.AddMinutes(-x)),
                ConditionOperator.OlderThanXHours => new Range(DateTime.MinValue, utcNow.AddHours(-x)),
                ConditionOperator.OlderThanXDays => new Range(DateTime.MinValue, utcNow.AddDays(-x)),
                ConditionOperator.OlderThanXWeeks => new Range(DateTime.MinValue, utcNow.AddDays(-7 * x)),
                ConditionOperator.OlderThanXMonths => new Range(DateTime.MinValue, utcNow.AddMonths(-x)),
                ConditionOperator.OlderThanXYears => new Range(DateTime.MinValue, utcNow.AddYears(-x)),
                _ => null,
            };
        }
    }
}
