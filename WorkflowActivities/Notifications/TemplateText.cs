using System.Collections.Generic;
using System.Text;

namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>One template text split once into literal parts and {Name} placeholders, so rendering a notification
    /// is a string join, not a regular-expression scan. Immutable: the parsed templates are shared read-only.</summary>
    public sealed class TemplateText
    {
        private readonly string[] _parts; // even index: literal text; odd index: placeholder name

        public TemplateText(string text)
        {
            Text = text;
            var parts = new List<string>();
            var names = new List<string>();
            var literal = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] != '{') continue;
                var end = NameEnd(text, i + 1);
                if (end <= i + 1 || end >= text.Length || text[end] != '}') continue;
                var name = text.Substring(i + 1, end - i - 1);
                parts.Add(text.Substring(literal, i - literal));
                parts.Add(name);
                if (!names.Contains(name)) names.Add(name);
                literal = end + 1;
                i = end;
            }
            parts.Add(text.Substring(literal));
            _parts = parts.ToArray();
            Placeholders = names.AsReadOnly();
        }

        public string Text { get; }

        /// <summary>The placeholder names in order of first appearance, each once.</summary>
        public IReadOnlyList<string> Placeholders { get; }

        /// <summary>The text with every placeholder replaced; the caller has checked that each has a value.</summary>
        public string Fill(IReadOnlyDictionary<string, string> values)
        {
            if (_parts.Length == 1) return Text;
            var result = new StringBuilder(Text.Length + 64);
            for (var i = 0; i < _parts.Length; i++) result.Append(i % 2 == 0 ? _parts[i] : values[_parts[i]]);
            return result.ToString();
        }

        /// <summary>A placeholder name is a letter followed by letters or digits (ASCII), as in {RequestNumber}.</summary>
        private static int NameEnd(string text, int start)
        {
            if (start >= text.Length || !IsLetter(text[start])) return start;
            var i = start + 1;
            while (i < text.Length && (IsLetter(text[i]) || (text[i] >= '0' && text[i] <= '9'))) i++;
            return i;
        }

        private static bool IsLetter(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
