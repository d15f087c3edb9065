using System;
using System.Collections.Generic;
using System.Linq;

namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>One event's text in both languages; placeholders are {Name} tokens filled by TemplateRenderer.
    /// The texts are parsed once, here (the templates are immutable and shared).</summary>
    public sealed class MessageTemplate
    {
        public MessageTemplate(NotificationEvent @event, string titleAr, string bodyAr, string titleEn, string bodyEn)
        {
            Event = @event;
            TitleArText = new TemplateText(titleAr);
            BodyArText = new TemplateText(bodyAr);
            TitleEnText = new TemplateText(titleEn);
            BodyEnText = new TemplateText(bodyEn);
            Placeholders = new[] { TitleArText, BodyArText, TitleEnText, BodyEnText }
                .SelectMany(t => t.Placeholders)
                .Distinct()
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList()
                .AsReadOnly();
        }

        public NotificationEvent Event { get; }
        public string TitleAr => TitleArText.Text;
        public string BodyAr => BodyArText.Text;
        public string TitleEn => TitleEnText.Text;
        public string BodyEn => BodyEnText.Text;

        internal TemplateText TitleArText { get; }
        internal TemplateText BodyArText { get; }
        internal TemplateText TitleEnText { get; }
        internal TemplateText BodyEnText { get; }

        /// <summary>Every placeholder of the four texts, each once, in ordinal order.</summary>
        public IReadOnlyList<string> Placeholders { get; }
    }
}
