using System;
using System.Collections.Generic;

namespace Taazeez.Crm.Portal.Tests.Infrastructure
{
    /// <summary>Rows shaped like Power Pages' Liquid entity objects (option sets as value/label, dates as DateTime).</summary>
    public static class SampleData
    {
        public static readonly Guid ContactId = new("0a7c3a0e-2f1d-4f37-9a0e-5d1a2b3c4d01");
        public static readonly Guid BeneficiaryId = new("0a7c3a0e-2f1d-4f37-9a0e-5d1a2b3c4d02");
        public static readonly Guid DecidedRequestId = new("0a7c3a0e-2f1d-4f37-9a0e-5d1a2b3c4d03");
        public static readonly Guid NewRequestId = new("0a7c3a0e-2f1d-4f37-9a0e-5d1a2b3c4d04");

        public static Dictionary<string, object?> Option(int value) => new() { ["value"] = value, ["label"] = value.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        /// <summary>The signed-in contact's file, with the mobile number left empty so the apply page shows a required-field error.</summary>
        public static Dictionary<string, object?> Beneficiary(bool withMobile = true) => new()
        {
            ["taz_beneficiaryid"] = BeneficiaryId.ToString(),
            ["taz_portalcontactid"] = new Dictionary<string, object?> { ["id"] = ContactId.ToString(), ["name"] = "Portal User" },
            ["taz_name"] = "فاطمة أحمد علي",
            ["taz_idtype"] = Option(826000001),
            ["taz_nationalid"] = "1012345678",
            ["taz_nationality"] = "سعودية",
            ["taz_gender"] = Option(826000002),
            ["taz_birthdate"] = new DateTime(1985, 3, 14),
            ["taz_mobile"] = withMobile ? "+966512345678" : null,
            ["taz_email"] = "fatimah@example.org",
            ["taz_contactmethod"] = Option(826000001),
            ["taz_governorate"] = Option(826000002),
            ["taz_district"] = "حي الشاطئ",
            ["taz_address"] = "صبيا، شارع الملك فهد",
            ["taz_maritalstatus"] = Option(826000004),
            ["taz_householdsize"] = 5,
            ["taz_monthlyincome"] = 1800m,
            ["taz_housingtype"] = Option(826000002),
            ["taz_pdplconsent"] = true,
        };

        public static Dictionary<string, object?> DecidedRequest() => new()
        {
            ["taz_supportrequestid"] = DecidedRequestId.ToString(),
            ["taz_name"] = "SR-2026-000042",
            ["taz_supporttype"] = Option(826000003),
            ["statuscode"] = Option(826000006),
            ["taz_amountrequested"] = 6000m,
            ["taz_submittedon"] = new DateTime(2026, 10, 1, 9, 0, 0, DateTimeKind.Utc),
            ["taz_verifiedon"] = new DateTime(2026, 10, 3, 9, 0, 0, DateTimeKind.Utc),
            ["taz_committeedueon"] = new DateTime(2026, 10, 17, 9, 0, 0, DateTimeKind.Utc),
            ["taz_decision"] = Option(826000002),
            ["taz_decisionreasons"] = "تمت الموافقة على نصف مبلغ الإيجار وفق سقف الدعم المعتمد",
            ["taz_approvedamount"] = 3000m,
            ["taz_decidedon"] = new DateTime(2026, 10, 16, 9, 0, 0, DateTimeKind.Utc),
            ["createdon"] = new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc),
        };

        public static Dictionary<string, object?> NewRequest() => new()
        {
            ["taz_supportrequestid"] = NewRequestId.ToString(),
            ["taz_name"] = "SR-2026-000051",
            ["taz_supporttype"] = Option(826000002),
            ["statuscode"] = Option(826000001),
            ["taz_submittedon"] = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc),
            ["taz_committeedueon"] = new DateTime(2026, 12, 4, 9, 0, 0, DateTimeKind.Utc),
            ["createdon"] = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc),
        };

        public static IReadOnlyDictionary<string, IReadOnlyList<Dictionary<string, object?>>> Rows(bool withMobile = true) =>
            new Dictionary<string, IReadOnlyList<Dictionary<string, object?>>>
            {
                ["taz_beneficiary"] = new[] { Beneficiary(withMobile) },
                ["taz_supportrequest"] = new[] { NewRequest(), DecidedRequest() },
                ["taz_portalnotification"] = new[]
                {
                    new Dictionary<string, object?> { ["taz_portalnotificationid"] = Guid.NewGuid().ToString(), ["taz_name"] = "تحديث حالة الطلب", ["taz_body"] = "صدر قرار اللجنة في طلبك SR-2026-000042", ["taz_readon"] = null, ["createdon"] = new DateTime(2026, 10, 16) },
                },
                ["taz_satisfactionsurvey"] = new[]
                {
                    new Dictionary<string, object?> { ["taz_satisfactionsurveyid"] = Guid.NewGuid().ToString(), ["taz_name"] = "SR-2026-000042", ["statecode"] = Option(0), ["taz_invitedon"] = new DateTime(2026, 11, 1) },
                },
            };
    }
}
