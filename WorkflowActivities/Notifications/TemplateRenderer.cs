using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
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

    /// <summary>Fills {Name} placeholders. A placeholder without a value is an error, never sent as "{Name}".</summary>
    public static class TemplateRenderer
    {
        private static readonly Regex Placeholder = new Regex(@"\{([A-Za-z][A-Za-z0-9]*)\}", RegexOptions.CultureInvariant);

        public static IReadOnlyCollection<string> PlaceholdersOf(MessageTemplate template) =>
            new[] { template.TitleAr, template.BodyAr, template.TitleEn, template.BodyEn }
                .SelectMany(t => Placeholder.Matches(t).Cast<Match>().Select(m => m.Groups[1].Value))
                .Distinct()
                .OrderBy(n => n, System.StringComparer.Ordinal)
                .ToList();

        public static RenderedMessage Render(MessageTemplate template, IReadOnlyDictionary<string, string> values)
        {
            var missing = PlaceholdersOf(template).Where(n => !values.TryGetValue(n, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
            if (missing.Count > 0)
            {
                var names = string.Join(", ", missing);
                throw PolicyMessages.G0_TemplateValuesMissing.ToException(template.Event.ToString(), names);
            }

            return new RenderedMessage(Fill(template.TitleAr, values), Fill(template.BodyAr, values), Fill(template.TitleEn, values), Fill(template.BodyEn, values));
        }

        private static string Fill(string text, IReadOnlyDictionary<string, string> values)
        {
            var result = new StringBuilder();
            int last = 0;
            foreach (Match m in Placeholder.Matches(text))
            {
                result.Append(text, last, m.Index - last).Append(values[m.Groups[1].Value]);
                last = m.Index + m.Length;
            }
            return result.Append(text, last, text.Length - last).ToString();
        }
    }
}
