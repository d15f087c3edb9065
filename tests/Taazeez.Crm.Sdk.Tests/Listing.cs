using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Taazeez.Crm.Sdk.Tests
{
    /// <summary>One of Microsoft's API listing files: per type, its header line and its member lines.</summary>
    internal sealed class Listing
    {
        private static readonly string[] Kinds = { "class ", "interface ", "struct ", "enum " };

        public Dictionary<string, ListedType> Types { get; } = new Dictionary<string, ListedType>();

        public static Listing Load(string file)
        {
            var listing = new Listing();
            ListedType current = null;
            foreach (var line in File.ReadLines(file))
            {
                if (line.StartsWith("#", StringComparison.Ordinal) || line.Trim().Length == 0) continue;
                if (line.StartsWith("    ", StringComparison.Ordinal))
                {
                    current?.Members.Add(line.Trim());
                    continue;
                }
                current = ListedType.Parse(line);
                listing.Types[current.Name] = current;
            }
            return listing;
        }

        internal sealed class ListedType
        {
            public string Header { get; private set; }
            public string Modifiers { get; private set; }
            public string Kind { get; private set; }
            public string Name { get; private set; }
            public List<string> BaseAndInterfaces { get; } = new List<string>();
            public HashSet<string> Members { get; } = new HashSet<string>(StringComparer.Ordinal);

            public static ListedType Parse(string header)
            {
                var kindAt = Kinds.Select(k => (k, i: header.IndexOf(k, StringComparison.Ordinal))).Where(x => x.i >= 0).OrderBy(x => x.i).First();
                var rest = header.Substring(kindAt.i + kindAt.k.Length);
                var colon = rest.IndexOf(" : ", StringComparison.Ordinal);
                var type = new ListedType
                {
                    Header = header,
                    Modifiers = header.Substring(0, kindAt.i),
                    Kind = kindAt.k.Trim(),
                    Name = colon < 0 ? rest : rest.Substring(0, colon),
                };
                if (colon >= 0) type.BaseAndInterfaces.AddRange(SplitTopLevel(rest.Substring(colon + 3)));
                return type;
            }

            // Splits "A<B, C>, D" on the commas outside angle brackets.
            private static IEnumerable<string> SplitTopLevel(string text)
            {
                int depth = 0, start = 0;
                for (int i = 0; i < text.Length; i++)
                {
                    if (text[i] == '<') depth++;
                    else if (text[i] == '>') depth--;
                    else if (text[i] == ',' && depth == 0)
                    {
                        yield return text.Substring(start, i - start).Trim();
                        start = i + 1;
                    }
                }
                yield return text.Substring(start).Trim();
            }
        }
    }
}
