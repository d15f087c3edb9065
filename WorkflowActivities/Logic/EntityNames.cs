using System;

namespace Taazeez.Crm.WorkflowActivities
{
    /// <summary>Logical names and fixed values from docs/data-model.md used by the activities.</summary>
    public static class EntityNames
    {
        public const string SupportRequest = "taz_supportrequest";
        public const string Beneficiary = "taz_beneficiary";
        public const string ResearchReferral = "taz_researchreferral";
        public const string ServiceDelivery = "taz_servicedelivery";
        public const string SatisfactionSurvey = "taz_satisfactionsurvey";
        public const string PortalNotification = "taz_portalnotification";
        public const string SmsMessage = "taz_smsmessage";
        public const string BranchOffice = "taz_branchoffice";
        public const string SystemUser = "systemuser";

        public static readonly Guid SocialResearcherRoleId = new Guid("7e9507d7-48b5-44e3-94ae-2bb65b1d175e");

        /// <summary>taz_supportrequest statuscode values (state 0 Active).</summary>
        public const int StatusSubmitted = 826000001;
        public const int StatusReferredToResearch = 826000003;
        public const int StatusAwaitingCommittee = 826000004;

        /// <summary>taz_satisfactionsurvey statuscode values.</summary>
        public const int SurveyInvited = 1;
        public const int SurveyReminded = 826000001;
    }
}
