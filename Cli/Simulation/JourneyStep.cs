namespace Taazeez.Crm.Cli.Simulation;

/// <summary>The steps of a beneficiary's journey, in the order of the policy (S1–S7, G5), with their bilingual names.</summary>
public enum JourneyStep
{
    Intake,
    Verification,
    Declaration,
    Submission,
    Referral,
    Research,
    CommitteeDecision,
    Registration,
    Delivery,
    SurveyResponse,
    Done,
}

public static class JourneySteps
{
    public static string Arabic(JourneyStep step) => step switch
    {
        JourneyStep.Intake => "الاستقبال",
        JourneyStep.Verification => "التحقق من البيانات",
        JourneyStep.Declaration => "توقيع الإقرار",
        JourneyStep.Submission => "تقديم الطلب",
        JourneyStep.Referral => "الإحالة للبحث الاجتماعي",
        JourneyStep.Research => "البحث الاجتماعي",
        JourneyStep.CommitteeDecision => "قرار لجنة البحث",
        JourneyStep.Registration => "استكمال التسجيل",
        JourneyStep.Delivery => "تقديم الخدمة",
        JourneyStep.SurveyResponse => "الرد على استبيان الرضا",
        _ => "انتهت الرحلة",
    };

    public static string English(JourneyStep step) => step switch
    {
        JourneyStep.Intake => "intake",
        JourneyStep.Verification => "data verification",
        JourneyStep.Declaration => "signed declaration",
        JourneyStep.Submission => "submission",
        JourneyStep.Referral => "referral to social research",
        JourneyStep.Research => "social research",
        JourneyStep.CommitteeDecision => "committee decision",
        JourneyStep.Registration => "registration completed",
        JourneyStep.Delivery => "service delivery",
        JourneyStep.SurveyResponse => "satisfaction survey response",
        _ => "done",
    };
}
