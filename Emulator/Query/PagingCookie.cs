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
        public string ToXml(string primaryKey) =>
            new XElement("cookie", new XAttribute("page", Page),
                new XElement(primaryKey, new XAttribute("last", Last.ToString("B").ToUpperInvariant()),
                    new XAttribute("first", First.ToString("B").ToUpperInvariant())))
                .ToString(SaveOptions.DisableFormatting);

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
