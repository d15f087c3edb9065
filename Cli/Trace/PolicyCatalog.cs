using System;
using System.Collections.Generic;
using System.Linq;

namespace Taazeez.Crm.Cli.Trace;

/// <summary>One clause of the Beneficiary Relationship Policy (ids as in the mission's policy.md).</summary>
public sealed record PolicyClause(string Id, string Arabic, string English);

/// <summary>
/// The clauses that must each be traced to a component and a test. The ids and titles are the policy's
/// own text (a fixed document approved by the board), not a list of implementations.
/// </summary>
public static class PolicyCatalog
{
    public static IReadOnlyList<PolicyClause> Clauses { get; } = new[]
    {
        new PolicyClause("G0", "خدمة المستفيدين بتميز ودقة وسرعة", "Serve beneficiaries with excellence, precision and speed"),
        new PolicyClause("G1", "تقدير احتياجات كل مستفيد وتبسيط الإجراءات", "Appreciate each beneficiary's needs; simple procedures"),
        new PolicyClause("G2", "خدمات متكاملة عبر أحدث الوسائل الإلكترونية", "Integrated services through electronic means"),
        new PolicyClause("G3", "إجابات مناسبة عبر قنوات متعددة", "Appropriate answers through several channels"),
        new PolicyClause("G4", "خدمة المستفيد في مكانه", "Serve the beneficiary where they are"),
        new PolicyClause("G5", "قياس رضا المستفيدين", "Measure beneficiary satisfaction"),
        new PolicyClause("G6", "رفع ثقة المستفيدين وانتمائهم", "Raise beneficiaries' trust and belonging"),
        new PolicyClause("G6a", "تصحيح المفاهيم الخاطئة عن خدمات الجمعية", "Correct misconceptions about the services"),
        new PolicyClause("G6b", "نشر ثقافة تقييم الخدمة", "Spread a culture of rating the service"),
        new PolicyClause("G6c", "نشر ثقافة جودة الخدمة", "Spread a culture of service quality"),
        new PolicyClause("G6d", "ابتكار أساليب إدارية والتحسين المستمر", "Innovate methods; improve from beneficiaries' opinions"),
        new PolicyClause("C1", "المقابلة", "In-person interview"),
        new PolicyClause("C2", "الاتصالات الهاتفية", "Phone calls"),
        new PolicyClause("C3", "وسائل التواصل الاجتماعي", "Social media"),
        new PolicyClause("C4", "الخطابات", "Letters"),
        new PolicyClause("C5", "خدمات طلب المساعدة", "Assistance request services"),
        new PolicyClause("C6", "خدمة التطوع", "Volunteering service"),
        new PolicyClause("C7", "الموقع الالكتروني للجمعية", "Association website"),
        new PolicyClause("C8", "مناديب المكاتب الفرعية", "Branch office representatives"),
        new PolicyClause("T1", "اللائحة الأساسية للجمعية", "Association bylaws"),
        new PolicyClause("T2", "دليل خدمات البحث الاجتماعي", "Social research services guide"),
        new PolicyClause("T3", "دليل سياسة الدعم للمستفيدين", "Beneficiary support policy guide"),
        new PolicyClause("T4", "طلب دعم مستفيد", "Beneficiary support request form"),
        new PolicyClause("S1", "استقبال المستفيد بلباقة واحترام", "Receive the beneficiary courteously"),
        new PolicyClause("S2", "التأكد من استيفاء البيانات ومطابقتها", "Ensure required data is complete and valid"),
        new PolicyClause("S3", "الإحالة لمسؤول البحث الاجتماعي", "Refer to the social research officer"),
        new PolicyClause("S4", "تأكيد صحة البيانات وتوقيع المتقدم", "Confirm the data; the applicant signs"),
        new PolicyClause("S5", "رفع الطلب للجنة البحث والرد خلال مدة لا تقل عن أسبوعين", "Committee answers within not less than two weeks"),
        new PolicyClause("S6", "استكمال إجراءات التسجيل", "Complete the registration"),
        new PolicyClause("S7", "تقديم الخدمة المطلوبة", "Provide the required service"),
    };

    /// <summary>Preamble clauses: context, valid in attributes but not required to be traced.</summary>
    public static IReadOnlyList<string> ContextIds { get; } = new[] { "P1", "P2" };

    public static PolicyClause? Find(string id) =>
        Clauses.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The clause a sub-clause belongs to ("G6b" → "G6"), or null for a clause without a parent.</summary>
    public static string? Parent(string canonicalId) =>
        canonicalId.Length == 3 && char.IsLower(canonicalId[2]) && Clauses.Any(c => c.Id == canonicalId[..2]) ? canonicalId[..2] : null;

    /// <summary>The canonical spelling of a clause id ("g6A" → "G6a"), or null when it is not a policy id.</summary>
    public static string? Canonical(string id)
    {
        var clause = Find(id.Trim());
        if (clause is not null) return clause.Id;
        return ContextIds.FirstOrDefault(c => string.Equals(c, id.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
