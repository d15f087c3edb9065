using System;
using System.Xml;
using System.Xml.Linq;
using Taazeez.Crm.Emulator.Faults;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>Dataverse's paging cookie: &lt;cookie page="N"&gt;&lt;pk last="{id}" first="{id}" /&gt;&lt;/cookie&gt;.
    /// The engine writes it for every page and, when the next (or previous) page comes with it, resumes after
    /// the cookie's last row (or before its first), so rows inserted between calls do not shift the pages.</summary>
    internal sealed record PagingCookie(int Page, Guid First, Guid Last)
    {
        /// <summary>Written as text, not through XElement: every RetrieveMultiple returns a cookie, and the XML writer
        /// cost more than the rest of a key lookup. The output is what XElement.ToString(DisableFormatting) gives
        /// (a primary key column name and braced upper-case GUIDs need no escaping), built in one string.</summary>
        public string ToXml(string primaryKey)
        {
            var page = Page.ToString(System.Globalization.CultureInfo.InvariantCulture);
            const string head = "<cookie page=\"", open = "\"><", last = " last=\"", first = "\" first=\"", tail = "\" /></cookie>";
            var length = head.Length + page.Length + open.Length + primaryKey.Length + last.Length + 38 + first.Length + 38 + tail.Length;
            return string.Create(length, (Cookie: this, Page: page, Key: primaryKey), static (span, s) =>
            {
                var at = 0;
                void Put(Span<char> span, ref int at, string text) { text.AsSpan().CopyTo(span.Slice(at)); at += text.Length; }
                void PutId(Span<char> span, ref int at, Guid id)
                {
                    id.TryFormat(span.Slice(at), out var written, "B");
                    foreach (ref var c in span.Slice(at, written))
                        if (c is >= 'a' and <= 'f') c = (char)(c - 'a' + 'A');
                    at += written;
                }
                Put(span, ref at, head);
                Put(span, ref at, s.Page);
                Put(span, ref at, open);
                Put(span, ref at, s.Key);
                Put(span, ref at, last);
                PutId(span, ref at, s.Cookie.Last);
                Put(span, ref at, first);
                PutId(span, ref at, s.Cookie.First);
                Put(span, ref at, tail);
            });
        }

        /// <summary>Null for an empty cookie; a fault for one that is not a cookie.</summary>
        public static PagingCookie? Parse(string? cookie)
        {
            if (string.IsNullOrWhiteSpace(cookie)) return null;
            try
            {
                var root = XElement.Parse(cookie);
                var key = root.Name.LocalName == "cookie" ? FirstChild(root) : null;
                if (key == null || !int.TryParse((string?)root.Attribute("page"), out var page)
                    || !Guid.TryParse((string?)key.Attribute("first"), out var first) || !Guid.TryParse((string?)key.Attribute("last"), out var last))
                    throw DataverseFaults.InvalidQuery($"The paging cookie is not valid: {cookie}");
                return new PagingCookie(page, first, last);
            }
            catch (XmlException)
            {
                throw DataverseFaults.InvalidQuery($"The paging cookie is not valid XML: {cookie}");
            }
        }

        private static XElement? FirstChild(XElement root)
        {
            foreach (var child in root.Elements()) return child;
            return null;
        }
    }
}
