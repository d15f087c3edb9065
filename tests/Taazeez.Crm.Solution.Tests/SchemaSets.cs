using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Taazeez.Crm.Solution.Tests
{
    /// <summary>Microsoft's solution schemas (../shared/reference/schemas), compiled once per root file.</summary>
    internal static class SchemaSets
    {
        private static readonly ConcurrentDictionary<string, XmlSchemaSet> Cache = new();

        public static XmlSchemaSet Get(string file) => Cache.GetOrAdd(file, Compile);

        private static XmlSchemaSet Compile(string file)
        {
            var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
            var errors = new List<string>();
            set.ValidationEventHandler += (_, e) => errors.Add(e.Message);
            using (var reader = XmlReader.Create(Path.Combine(Repo.Schemas, file), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
                set.Add(null, reader);
            set.Compile();
            if (errors.Count > 0) throw new InvalidOperationException($"{file} does not compile: {string.Join("; ", errors)}");
            return set;
        }

        /// <summary>Validates a copy of <paramref name="element"/> as a document root; returns "where: message" lines.</summary>
        public static List<string> Validate(string schemaFile, XElement element, string where)
        {
            var document = new XDocument(new XElement(element));
            DocumentedNewerConstructs.Remove(document);
            var errors = new List<string>();
            document.Validate(Get(schemaFile), (sender, e) =>
            {
                var path = sender is XObject xo ? Describe(xo) : "";
                errors.Add($"{where} {path}: {e.Message}");
            });
            return errors;
        }

        private static string Describe(XObject node)
        {
            var element = node as XElement ?? node.Parent;
            var names = new List<string>();
            for (var e = element; e != null; e = e.Parent)
            {
                var id = e.Attribute("Name")?.Value ?? e.Attribute("PhysicalName")?.Value ?? e.Attribute("name")?.Value ?? e.Attribute("id")?.Value;
                names.Add(id == null ? e.Name.LocalName : $"{e.Name.LocalName}[{id}]");
            }
            names.Reverse();
            return "/" + string.Join("/", names) + (node is XAttribute a ? "/@" + a.Name.LocalName : "");
        }
    }
}
