using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Taazeez.Crm.Portal.Tests.Infrastructure
{
    /// <summary>One record of a pac pages YAML file: its scalar fields and list fields.</summary>
    public sealed class PortalRecord
    {
        public PortalRecord(string file, IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, IReadOnlyList<string>> lists)
        {
            File = file;
            Fields = fields;
            Lists = lists;
        }

        public string File { get; }

        public IReadOnlyDictionary<string, string> Fields { get; }

        public IReadOnlyDictionary<string, IReadOnlyList<string>> Lists { get; }

        public string this[string field] => Fields.TryGetValue(field, out var value) ? value : throw new KeyNotFoundException(field + " missing in " + File);

        public string? Get(string field) => Fields.TryGetValue(field, out var value) ? value : null;

        public bool Flag(string field) => string.Equals(Get(field), "true", StringComparison.OrdinalIgnoreCase);

        public IReadOnlyList<string> List(string field) => Lists.TryGetValue(field, out var value) ? value : Array.Empty<string>();
    }

    /// <summary>A content snippet in one language.</summary>
    public sealed record Snippet(string Name, string LanguageCode, string Value);

    /// <summary>The Power Pages site in the pac pages download layout (standard data model), read from Portal/.</summary>
    public sealed class PortalSite
    {
        private static readonly Lazy<PortalSite> Instance = new(() => Load(RepoPaths.Portal));

        private PortalSite(string root, IReadOnlyDictionary<string, IReadOnlyList<PortalRecord>> files)
        {
            Root = root;
            Files = files;
        }

        public static PortalSite Current => Instance.Value;

        public string Root { get; }

        /// <summary>Every YAML file (path relative to Portal/, forward slashes) and its records.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<PortalRecord>> Files { get; }

        public IEnumerable<PortalRecord> Under(string folder, string suffix) =>
            Files.Where(f => f.Key.StartsWith(folder + "/", StringComparison.Ordinal) && f.Key.EndsWith(suffix, StringComparison.Ordinal)).SelectMany(f => f.Value);

        public IReadOnlyList<PortalRecord> File(string relativePath) =>
            Files.TryGetValue(relativePath, out var records) ? records : throw new FileNotFoundException("Portal file missing", relativePath);

        public PortalRecord Website => File("website.yml").Single();

        public IReadOnlyList<PortalRecord> WebRoles => File("webrole.yml");

        public IReadOnlyList<PortalRecord> SiteSettings => File("sitesetting.yml");

        public IEnumerable<PortalRecord> TablePermissions => Under("table-permissions", ".tablepermission.yml");

        public string? Setting(string name) => SiteSettings.SingleOrDefault(s => s["adx_name"] == name)?.Get("adx_value");

        /// <summary>Website language id → language code (ar-SA, en-US), through the portal language records.</summary>
        public IReadOnlyDictionary<string, string> LanguageCodes
        {
            get
            {
                var portalLanguages = File(".portalconfig/portallanguage.yml").ToDictionary(l => l["adx_portallanguageid"], l => l["adx_languagecode"]);
                return File("websitelanguage.yml").ToDictionary(l => l["adx_websitelanguageid"], l => portalLanguages[l["adx_portallanguageid"]]);
            }
        }

        public IReadOnlyList<Snippet> Snippets
        {
            get
            {
                var codes = LanguageCodes;
                return Files.Where(f => f.Key.EndsWith(".contentsnippet.yml", StringComparison.Ordinal))
                    .Select(f =>
                    {
                        var record = f.Value.Single();
                        var valueFile = Path.Combine(Root, f.Key.Replace(".contentsnippet.yml", ".contentsnippet.value.html", StringComparison.Ordinal));
                        var value = System.IO.File.Exists(valueFile) ? System.IO.File.ReadAllText(valueFile) : record.Get("adx_value") ?? string.Empty;
                        return new Snippet(record["adx_name"], codes[record["adx_contentsnippetlanguageid"]], value);
                    })
                    .ToList();
            }
        }

        /// <summary>Web template name → Liquid source.</summary>
        public IReadOnlyDictionary<string, string> WebTemplates =>
            Files.Where(f => f.Key.EndsWith(".webtemplate.yml", StringComparison.Ordinal))
                .ToDictionary(
                    f => f.Value.Single()["adx_name"],
                    f => System.IO.File.ReadAllText(Path.Combine(Root, f.Key.Replace(".webtemplate.yml", ".webtemplate.source.html", StringComparison.Ordinal))));

        public static PortalSite Load(string root)
        {
            var files = new SortedDictionary<string, IReadOnlyList<PortalRecord>>(StringComparer.Ordinal);
            foreach (var path in Directory.EnumerateFiles(root, "*.yml", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
                files[relative] = Parse(relative, System.IO.File.ReadAllText(path));
            }

            return new PortalSite(root, files);
        }

        /// <summary>Parses a pac pages YAML file: one mapping, or a sequence of mappings, of scalars and scalar lists.</summary>
        public static IReadOnlyList<PortalRecord> Parse(string file, string text)
        {
            var stream = new YamlStream();
            using (var reader = new StringReader(text))
            {
                stream.Load(reader);
            }

            if (stream.Documents.Count != 1)
            {
                throw new FormatException(file + ": expected one YAML document, found " + stream.Documents.Count);
            }

            return stream.Documents[0].RootNode switch
            {
                YamlMappingNode map => new[] { ToRecord(file, map) },
                YamlSequenceNode seq => seq.Children.Select(c => c as YamlMappingNode ?? throw new FormatException(file + ": sequence item is not a mapping")).Select(m => ToRecord(file, m)).ToList(),
                _ => throw new FormatException(file + ": root is neither a mapping nor a sequence"),
            };
        }

        private static PortalRecord ToRecord(string file, YamlMappingNode map)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? throw new FormatException(file + ": empty key");
                switch (valueNode)
                {
                    case YamlScalarNode scalar:
                        fields[key] = scalar.Value ?? string.Empty;
                        break;
                    case YamlSequenceNode seq:
                        lists[key] = seq.Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty).ToList();
                        break;
                    default:
                        throw new FormatException(file + ": field " + key + " is neither a scalar nor a list");
                }
            }

            return new PortalRecord(file, fields, lists);
        }
    }
}
