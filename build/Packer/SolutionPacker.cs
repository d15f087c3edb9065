using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace Taazeez.Crm.Packer
{
    /// <summary>Packs SolutionPackager's unpacked layout (Solution/src) into an importable, deterministic solution zip.</summary>
    public static class SolutionPacker
    {
        public const string SolutionEntry = "solution.xml";
        public const string CustomizationsEntry = "customizations.xml";
        public const string ContentTypesEntry = "[Content_Types].xml";

        public static PackResult Pack(string srcFolder, string outputZip, PackOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            var src = Path.GetFullPath(srcFolder);
            if (!Directory.Exists(src)) throw new PackException($"Solution folder {src} does not exist");
            var repoRoot = FindRepoRoot(src);

            var solution = LoadSolution(src, options.Version, out var version);
            var builder = new CustomizationsBuilder(src, repoRoot, options);
            var customizations = builder.Build();

            var entries = new List<KeyValuePair<string, byte[]>>
            {
                new(CustomizationsEntry, XmlFiles.ToBytes(customizations)),
                new(SolutionEntry, XmlFiles.ToBytes(solution)),
            };
            entries.AddRange(builder.Files);
            entries.Insert(0, new(ContentTypesEntry, ContentTypes(entries.Select(e => e.Key))));

            var output = Path.GetFullPath(outputZip);
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            WriteZip(output, entries, options.EntryTimestamp);
            return new PackResult(output, version, entries.Select(e => e.Key).ToArray(), builder.SkippedAssemblies.ToArray(), builder.Unconsumed());
        }

        /// <summary>The zip file name the project contract uses:
        /// Taazeez_&lt;version&gt;.zip.</summary>
        public static string ZipFileName(string version) => $"Taazeez_{version}.zip";

        public static string ReadVersion(string srcFolder)
        {
            var path = Path.Combine(srcFolder, "Other", "Solution.xml");
            var version = XmlFiles.Load(path).Descendants("SolutionManifest").Elements("Version").FirstOrDefault()?.Value;
            return version ?? throw new PackException($"{path} has no SolutionManifest/Version");
        }

        private static XDocument LoadSolution(string src, string? requestedVersion, out string version)
        {
            var path = Path.Combine(src, "Other", "Solution.xml");
            if (!File.Exists(path)) throw new PackException($"Missing {path}");
            var document = XmlFiles.Load(path);
            var versionElement = document.Descendants("SolutionManifest").Elements("Version").FirstOrDefault()
                ?? throw new PackException($"{path} has no SolutionManifest/Version");
            if (!string.IsNullOrEmpty(requestedVersion))
            {
                if (!System.Version.TryParse(requestedVersion, out _)) throw new PackException($"Version '{requestedVersion}' is not a.b.c.d");
                versionElement.Value = requestedVersion;
            }
            version = versionElement.Value;
            return document;
        }

        // The repository root holds the build output folders the assembly search paths are relative to.
        private static string FindRepoRoot(string src)
        {
            for (var dir = new DirectoryInfo(src); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "Solution")))
                    return dir.FullName;
            return Path.GetFullPath(Path.Combine(src, "..", ".."));
        }

        private static byte[] ContentTypes(IEnumerable<string> entryNames)
        {
            XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            var extensions = entryNames.Select(n => Path.GetExtension(n).TrimStart('.').ToLowerInvariant())
                .Append("xml").Where(e => e.Length > 0).Distinct().OrderBy(e => e, StringComparer.Ordinal);
            var types = new XElement(ns + "Types",
                extensions.Select(e => new XElement(ns + "Default", new XAttribute("Extension", e), new XAttribute("ContentType", "application/octet-stream"))));
            return XmlFiles.ToBytes(new XDocument(new XDeclaration("1.0", "utf-8", null), types));
        }

        private static void WriteZip(string path, IEnumerable<KeyValuePair<string, byte[]>> entries, DateTimeOffset timestamp)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
            {
                foreach (var entry in entries)
                {
                    var zipEntry = zip.CreateEntry(entry.Key, CompressionLevel.Optimal);
                    zipEntry.LastWriteTime = timestamp;
                    using var stream = zipEntry.Open();
                    stream.Write(entry.Value, 0, entry.Value.Length);
                }
            }
            File.WriteAllBytes(path, buffer.ToArray());
        }
    }
}
