using System.Collections.Generic;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>The bilingual texts of every notification event (G0 courteous contact, G3 clear reasons, S5 dates).</summary>
    [PolicyClause("G0", "G3", "S5", "G5")]
    public static class NotificationTemplates
    {
        private static readonly Dictionary<NotificationEvent, MessageTemplate> All = new Dictionary<NotificationEvent, MessageTemplate>
        {
            [NotificationEvent.RequestReceived] = new MessageTemplate(NotificationEvent.RequestReceived,
                "استلام طلبكم {RequestNumber}",
                "عزيزنا {BeneficiaryName}، استلمنا طلبكم رقم {RequestNumber}. موعد القرار المتوقع {ExpectedDecisionDateHijri} الموافق {ExpectedDecisionDate}.",
                "Your request {RequestNumber} was received",
                "Dear {BeneficiaryName}, we received your request {RequestNumber}. The expected decision date is {ExpectedDecisionDate} ({ExpectedDecisionDateHijriEn})."),
            [NotificationEvent.ReferredToResearch] = new MessageTemplate(NotificationEvent.ReferredToResearch,
                "إحالة طلبكم {RequestNumber} للبحث الاجتماعي",
                "عزيزنا {BeneficiaryName}، أحيل طلبكم رقم {RequestNumber} إلى الباحث الاجتماعي {ResearcherName} وسيتواصل معكم قريبا.",
                "Your request {RequestNumber} was referred to social research",
                "Dear {BeneficiaryName}, your request {RequestNumber} was referred to the social researcher {ResearcherName}, who will contact you soon."),
            [NotificationEvent.Decision] = new MessageTemplate(NotificationEvent.Decision,
                "قرار اللجنة في طلبكم {RequestNumber}",
                "عزيزنا {BeneficiaryName}، قررت اللجنة في طلبكم رقم {RequestNumber}: {DecisionAr}. الأسباب: {Reasons}",
                "Committee decision on your request {RequestNumber}",
                "Dear {BeneficiaryName}, the committee decided on your request {RequestNumber}: {DecisionEn}. Reasons: {Reasons}"),
            [NotificationEvent.RegistrationCompleted] = new MessageTemplate(NotificationEvent.RegistrationCompleted,
                "اكتمال تسجيل طلبكم {RequestNumber}",
                "عزيزنا {BeneficiaryName}، اكتمل تسجيل طلبكم رقم {RequestNumber} وسنبلغكم بموعد تقديم الخدمة.",
                "Registration of your request {RequestNumber} is complete",
                "Dear {BeneficiaryName}, the registration of your request {RequestNumber} is complete; we will tell you when the service will be delivered."),
            [NotificationEvent.ServiceDelivered] = new MessageTemplate(NotificationEvent.ServiceDelivered,
                "تقديم الخدمة لطلبكم {RequestNumber}",
                "عزيزنا {BeneficiaryName}، قدمت الخدمة لطلبكم رقم {RequestNumber} بتاريخ {DeliveredOn}. شكرا لثقتكم.",
                "Service delivered for your request {RequestNumber}",
                "Dear {BeneficiaryName}, the service for your request {RequestNumber} was delivered on {DeliveredOn}. Thank you for your trust."),
            [NotificationEvent.SurveyInvitation] = new MessageTemplate(NotificationEvent.SurveyInvitation,
                "شاركنا رأيك في خدمتنا",
                "عزيزنا {BeneficiaryName}، يسعدنا تقييمكم للخدمة المقدمة لطلبكم رقم {RequestNumber} عبر الاستبيان {SurveyNumber}. المشاركة اختيارية ولا تؤثر على ملفكم.",
                "Tell us what you think of our service",
                "Dear {BeneficiaryName}, we would value your rating of the service for your request {RequestNumber} in survey {SurveyNumber}. Taking part is optional and never affects your file."),
            [NotificationEvent.SurveyReminder] = new MessageTemplate(NotificationEvent.SurveyReminder,
                "تذكير: استبيان رضا المستفيدين",
                "عزيزنا {BeneficiaryName}، نذكركم بالاستبيان {SurveyNumber} عن الخدمة المقدمة لطلبكم رقم {RequestNumber}. المشاركة اختيارية ولا تؤثر على ملفكم.",
                "Reminder: beneficiary satisfaction survey",
                "Dear {BeneficiaryName}, a reminder of survey {SurveyNumber} about the service for your request {RequestNumber}. Taking part is optional and never affects your file."),
            [NotificationEvent.CommitteeOverdue] = new MessageTemplate(NotificationEvent.CommitteeOverdue,
                "طلب متأخر لدى اللجنة {RequestNumber}",
                "الطلب رقم {RequestNumber} تجاوز موعد قرار اللجنة {DueDateHijri} الموافق {DueDate} بمقدار {DaysOverdue} يوم. يرجى البت فيه.",
                "Request {RequestNumber} is overdue at the committee",
                "Request {RequestNumber} passed its committee due date {DueDate} ({DueDateHijriEn}) by {DaysOverdue} day(s). Please decide on it."),
        };

        public static IEnumerable<MessageTemplate> Every => All.Values;

        public static MessageTemplate For(NotificationEvent @event) =>
            All.TryGetValue(@event, out var template)
                ? template
                : throw PolicyMessages.G0_NoMessageTemplate.ToException(@event.ToString());
    }
}
