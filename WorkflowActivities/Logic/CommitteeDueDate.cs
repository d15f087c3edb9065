using System;
using System.Globalization;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities
{
    /// <summary>S5: the committee answers within the configured period, and never in fewer than 14 days.
    /// The Hijri (Umm al-Qura) text is what Arabic letters and messages print next to the Gregorian date.</summary>
    [PolicyClause("S5")]
    public static class CommitteeDueDate
    {
        public const int MinimumDays = 14;

        private static readonly string[] HijriMonthsAr =
        {
            "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
            "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
        };

        private static readonly string[] HijriMonthsEn =
        {
            "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
            "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah",
        };

        /// <summary>The effective period: the configured days, raised to the 14-day floor.</summary>
        public static int EffectiveDays(int configuredDays) => configuredDays < MinimumDays ? MinimumDays : configuredDays;

        public static DateTime Compute(DateTime fromUtc, int configuredDays) => fromUtc.AddDays(EffectiveDays(configuredDays));

        /// <summary>"14 رمضان 1447 هـ": day, month name and year in the Umm al-Qura calendar (Saudi civil calendar).</summary>
        public static string HijriTextAr(DateTime date)
        {
            ToUmmAlQura(date, out var day, out var month, out var year);
            return string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} هـ", day, HijriMonthsAr[month - 1], year);
        }

        public static string HijriTextEn(DateTime date)
        {
            ToUmmAlQura(date, out var day, out var month, out var year);
            return string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} AH", day, HijriMonthsEn[month - 1], year);
        }

        public static string GregorianText(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Out parameters rather than a tuple: net462 has no System.ValueTuple without an extra package.
        private static void ToUmmAlQura(DateTime date, out int day, out int month, out int year)
        {
            var calendar = new UmAlQuraCalendar();
            if (date < calendar.MinSupportedDateTime || date > calendar.MaxSupportedDateTime)
                throw new ArgumentOutOfRangeException(nameof(date), "The date is outside the Umm al-Qura calendar range (1900-2077).");
            day = calendar.GetDayOfMonth(date);
            month = calendar.GetMonth(date);
            year = calendar.GetYear(date);
        }
    }
}
