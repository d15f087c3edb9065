namespace Taazeez.Crm.Cli.Simulation;

/// <summary>
/// One beneficiary and the path their request takes, decided up front from the seed so a run is reproducible:
/// option values follow docs/data-model.md (826000000 + n).
/// </summary>
public sealed record SampleJourney(
    int Index,
    string FullName,
    string NationalId,
    int IdType,
    int Gender,
    string Mobile,
    int ContactMethod,
    int Channel,
    int Governorate,
    int HouseholdSize,
    decimal MonthlyIncome,
    int SupportType,
    decimal AmountRequested,
    int StartDay,
    bool NeedsResearchReferral,
    int CommitteeDecisionAfterDays,
    int Decision,
    decimal ApprovedAmount,
    int SurveyOverall,
    int SurveyCourtesy,
    int SurveyClarity,
    int SurveySpeed,
    int SurveyRecommend);
