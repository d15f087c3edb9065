using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Policy;

namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>The rendered message: Arabic first (the beneficiary's language), then English.</summary>
    public sealed class RenderedMessage
    {
        public RenderedMessage(string titleAr, string bodyAr, string titleEn, string bodyEn)
        {
            TitleAr = titleAr; BodyAr = bodyAr; TitleEn = titleEn; BodyEn = bodyEn;
        }

        public string TitleAr { get; }
        public string BodyAr { get; }
        public string TitleEn { get; }
        public string BodyEn { get; }
        public string Title => TitleAr + " | " + TitleEn;
        public string Body => BodyAr + "\n\n" + BodyEn;
    }

    /// <summary>Fills {Name} placeholders. A placeholder without a value is an error, never sent as "{Name}".
    /// The templates come parsed (MessageTemplate parses its texts once), so rendering scans nothing.</summary>
    public static class TemplateRenderer
    {
        public static IReadOnlyCollection<string> PlaceholdersOf(MessageTemplate template) => template.Placeholders;

        public static RenderedMessage Render(MessageTemplate template, IReadOnlyDictionary<string, string> values)
        {
            List<string>? missing = null;
            foreach (var name in template.Placeholders)
                if (!values.TryGetValue(name, out var v) || string.IsNullOrWhiteSpace(v)) (missing ??= new List<string>()).Add(name);
            if (missing != null)
                throw PolicyMessages.G0_TemplateValuesMissing.ToException(template.Event.ToString(), string.Join(", ", missing));

            return new RenderedMessage(template.TitleArText.Fill(values), template.BodyArText.Fill(values),
                template.TitleEnText.Fill(values), template.BodyEnText.Fill(values));
        }
    }
}
