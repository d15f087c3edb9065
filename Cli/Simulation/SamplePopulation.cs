using System;
using System.Collections.Generic;
using System.Globalization;

namespace Taazeez.Crm.Cli.Simulation;

/// <summary>
/// Generates sample beneficiaries and their journeys, deterministic per seed. Channels and governorates
/// rotate (8 and 17 are coprime) so any run of at least 17 people covers every channel and governorate.
/// </summary>
public static class SamplePopulation
{
    public const int OptionBase = 826000000;
    public const int ChannelCount = 8;
    public const int GovernorateCount = 17;
    public const int SupportTypeCount = 7;
    public const int ApprovedDecision = OptionBase + 1;
    public const int PartialDecision = OptionBase + 2;
    public const int RejectedDecision = OptionBase + 3;

    private static readonly string[] MaleNames = { "محمد", "أحمد", "علي", "حسن", "إبراهيم", "يحيى", "عبدالله", "خالد", "سعد", "ناصر" };
    private static readonly string[] FemaleNames = { "فاطمة", "عائشة", "مريم", "نورة", "خديجة", "سارة", "أمل", "هند", "ريم", "زينب" };
    private static readonly string[] FamilyNames = { "الحازمي", "المالكي", "العريشي", "الصميلي", "النعمي", "الفيفي", "الحكمي", "المدخلي", "القحطاني", "الزهراني" };

    /// <param name="count">number of beneficiaries (≥ 1)</param>
    /// <param name="days">days over which requests arrive (≥ 1); each request starts on a day in [0, days)</param>
    /// <param name="committeePeriodDays">the committee period (S5); decisions fall on or before its last day</param>
    public static IReadOnlyList<SampleJourney> Generate(int count, int days, int seed, int committeePeriodDays = 14)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "at least one beneficiary");
        if (days < 1) throw new ArgumentOutOfRangeException(nameof(days), days, "at least one day");
        if (committeePeriodDays < 14) throw new ArgumentOutOfRangeException(nameof(committeePeriodDays), committeePeriodDays, "S5: never less than 14 days");
        // Seeded System.Random is the stable legacy generator: the same seed gives the same sequence on every run.
        var random = new Random(seed);
        var journeys = new List<SampleJourney>(count);
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var female = random.Next(2) == 0;
            var first = female ? FemaleNames[random.Next(FemaleNames.Length)] : MaleNames[random.Next(MaleNames.Length)];
            var father = MaleNames[random.Next(MaleNames.Length)];
            var family = FamilyNames[random.Next(FamilyNames.Length)];
            var citizen = random.Next(10) < 8;
            string nationalId;
            do { nationalId = NationalId(citizen ? '1' : '2', random); } while (!usedIds.Add(nationalId));
            var decisionRoll = random.Next(100);
            var decision = decisionRoll < 60 ? ApprovedDecision : decisionRoll < 80 ? PartialDecision : RejectedDecision;
            var supportType = OptionBase + 1 + random.Next(SupportTypeCount);
            var amount = 500m + 250m * random.Next(0, 19);
            var approved = decision switch
            {
                ApprovedDecision => amount,
                PartialDecision => Math.Round(amount / 2m, 2),
                _ => 0m,
            };
            var overall = 1 + Weighted(random);
            journeys.Add(new SampleJourney(
                Index: i,
                FullName: $"{first} {father} {family}",
                NationalId: nationalId,
                IdType: citizen ? OptionBase + 1 : OptionBase + 2,
                Gender: female ? OptionBase + 2 : OptionBase + 1,
                Mobile: "+9665" + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture),
                ContactMethod: OptionBase + 1 + random.Next(5),
                Channel: OptionBase + 1 + i % ChannelCount,
                Governorate: OptionBase + 1 + i % GovernorateCount,
                HouseholdSize: 1 + random.Next(12),
                MonthlyIncome: 500m * random.Next(0, 13),
                SupportType: supportType,
                AmountRequested: amount,
                StartDay: random.Next(days),
                NeedsResearchReferral: random.Next(3) == 0,
                CommitteeDecisionAfterDays: 1 + random.Next(committeePeriodDays),
                Decision: decision,
                ApprovedAmount: approved,
                SurveyOverall: overall,
                SurveyCourtesy: Math.Min(5, overall + random.Next(2)),
                SurveyClarity: Math.Max(1, overall - random.Next(2)),
                SurveySpeed: 1 + Weighted(random),
                SurveyRecommend: Math.Min(10, overall * 2 + random.Next(2))));
        }
        return journeys;
    }

    /// <summary>0..4 leaning to the top scores, as satisfaction surveys usually do.</summary>
    private static int Weighted(Random random)
    {
        var roll = random.Next(100);
        return roll < 5 ? 0 : roll < 12 ? 1 : roll < 30 ? 2 : roll < 65 ? 3 : 4;
    }

    /// <summary>A 10-digit Saudi national id / iqama number: first digit 1 or 2, last digit the Luhn check digit.</summary>
    public static string NationalId(char first, Random random)
    {
        var digits = new char[10];
        digits[0] = first;
        for (var i = 1; i < 9; i++) digits[i] = (char)('0' + random.Next(10));
        digits[9] = (char)('0' + LuhnCheckDigit(new string(digits, 0, 9)));
        return new string(digits);
    }

    public static int LuhnCheckDigit(string payload)
    {
        var sum = 0;
        for (var i = 0; i < payload.Length; i++)
        {
            var d = payload[i] - '0';
            // With the check digit appended at the end, positions 0, 2, 4... (from the left, even length 10) are doubled.
            if (i % 2 == 0) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    public static bool IsLuhnValid(string id)
    {
        if (id.Length != 10) return false;
        foreach (var c in id) if (c < '0' || c > '9') return false;
        return LuhnCheckDigit(id[..9]) == id[9] - '0';
    }
}
