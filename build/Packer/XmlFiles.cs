using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Taazeez.Crm.Packer
{
    /// <summary>Loading and writing the solution's XML files the same way everywhere.</summary>
    public static class XmlFiles
    {
        public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

        public static XDocument Load(string path)
        {
            try
            {
                return XDocument.Load(path, LoadOptions.None);
            }
            catch (XmlException ex)
            {
                throw new PackException($"Malformed XML in {path}: {ex.Message}", ex);
            }
        }

        public static XDocument Load(byte[] bytes, string name)
        {
            try
            {
                using var stream = new MemoryStream(bytes, writable: false);
                return XDocument.Load(stream, LoadOptions.None);
            }
            catch (XmlException ex)
            {
                throw new PackException($"Malformed XML in {name}: {ex.Message}", ex);
            }
        }

        /// <summary>UTF-8 without BOM, indented, LF line ends: identical bytes for identical trees on every OS.</summary>
        public static byte[] ToBytes(XDocument document)
        {
            var settings = new XmlWriterSettings
            {
                Encoding = new UTF8Encoding(false),
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Replace,
            };
            using var stream = new MemoryStream();
            using (var writer = XmlWriter.Create(stream, settings))
            {
                document.Save(writer);
            }
            return stream.ToArray();
        }

        /// <summary>A copy of a file's root element without its own xmlns:xsi declaration (the merged root declares it once).</summary>
        public static XElement Detach(XElement root)
        {
            var copy = new XElement(root);
            copy.Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == Xsi.NamespaceName).Remove();
            return copy;
        }

        public static string NormalizeGuid(string value)
        {
            var trimmed = value.Trim().Trim('{', '}');
            return Guid.TryParse(trimmed, out var id) ? id.ToString("D") : trimmed.ToLowerInvariant();
        }
    }
}
