namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>One event's text in both languages; placeholders are {Name} tokens filled by TemplateRenderer.</summary>
    public sealed class MessageTemplate
    {
        public MessageTemplate(NotificationEvent @event, string titleAr, string bodyAr, string titleEn, string bodyEn)
        {
            Event = @event;
            TitleAr = titleAr;
            BodyAr = bodyAr;
            TitleEn = titleEn;
            BodyEn = bodyEn;
        }

        public NotificationEvent Event { get; }
        public string TitleAr { get; }
        public string BodyAr { get; }
        public string TitleEn { get; }
        public string BodyEn { get; }
    }
}
