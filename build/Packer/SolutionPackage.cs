using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Packer
{
    /// <summary>A solution zip read back: its entries, solution.xml, customizations.xml and component list.</summary>
    public sealed class SolutionPackage
    {
        private SolutionPackage(IReadOnlyDictionary<string, byte[]> entries, IReadOnlyList<string> entryOrder)
        {
            Entries = entries;
            EntryOrder = entryOrder;
            Solution = XmlFiles.Load(Require(SolutionPacker.SolutionEntry), SolutionPacker.SolutionEntry);
            Customizations = XmlFiles.Load(Require(SolutionPacker.CustomizationsEntry), SolutionPacker.CustomizationsEntry);
            Require(SolutionPacker.ContentTypesEntry);
        }

        public IReadOnlyDictionary<string, byte[]> Entries { get; }
        public IReadOnlyList<string> EntryOrder { get; }
        public XDocument Solution { get; }
        public XDocument Customizations { get; }

        public string UniqueName => Manifest.Element("UniqueName")?.Value ?? "";
        public string Version => Manifest.Element("Version")?.Value ?? "";
        private XElement Manifest => Solution.Root?.Element("SolutionManifest") ?? throw new PackException("solution.xml has no SolutionManifest");

        public static SolutionPackage Read(string zipPath)
        {
            using var zip = ZipFile.OpenRead(zipPath);
            var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                entries[entry.FullName] = copy.ToArray();
                order.Add(entry.FullName);
            }
            return new SolutionPackage(entries, order);
        }

        /// <summary>Every component in the package, as "Kind:key" strings (see <see cref="SolutionComponents"/>).</summary>
        public IReadOnlyCollection<string> Components() => SolutionComponents.FromPackage(this);

        private byte[] Require(string name) =>
            Entries.TryGetValue(name, out var bytes) ? bytes : throw new PackException($"The zip has no {name}");
    }
}
