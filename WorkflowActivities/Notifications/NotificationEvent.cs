namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>The events a beneficiary (or, for escalation, the committee head) is told about.
    /// The numeric values are what the workflow definitions and Custom APIs pass as "Event".</summary>
    public enum NotificationEvent
    {
        RequestReceived = 1,
        ReferredToResearch = 2,
        Decision = 3,
        RegistrationCompleted = 4,
        ServiceDelivered = 5,
        SurveyInvitation = 6,
        SurveyReminder = 7,
        CommitteeOverdue = 8,
    }
}
