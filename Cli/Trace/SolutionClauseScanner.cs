using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Taazeez.Crm.Cli.Trace;

/// <summary>A solution component (option value, table, column, environment variable...) whose label names a clause.</summary>
public sealed record SolutionClauseMention(string ClauseId, string Component);

/// <summary>
/// Collects clause ids from the labels and descriptions of the unpacked solution: makers write "C1 In-person
/// interview" or "T1: link to the bylaws" in the English labels, so the solution itself says what it implements.
/// Only label-like attributes are scanned so ids, GUIDs and FetchXML never produce false matches.
/// </summary>
public static partial class SolutionClauseScanner
{
    private static readonly string[] LabelAttributes = { "description", "default" };
    private static readonly string[] IdentityAttributes = { "value", "PhysicalName", "Name", "name", "schemaname", "uniquename", "LogicalName", "Id" };

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(G6[a-d]|G[0-6]|C[1-8]|T[1-4]|S[1-7])(?![A-Za-z0-9_])")]
    private static partial Regex ClauseIdPattern();

    /// <summary>The clause ids a piece of text names (shared with the portal scanner).</summary>
    internal static IEnumerable<string> ClauseIds(string text) => ClauseIdPattern().Matches(text).Select(m => m.Value);

    public static IReadOnlyList<SolutionClauseMention> Scan(string solutionFolder)
    {
        if (!Directory.Exists(solutionFolder))
            throw new CliException($"مجلد الحل غير موجود: {solutionFolder}", $"Solution folder not found: {solutionFolder}", ExitCodes.UnreadableSolution);
        var mentions = new HashSet<SolutionClauseMention>();
        foreach (var file in Directory.EnumerateFiles(solutionFolder, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            XDocument document;
            try { document = XDocument.Load(file); }
            catch (Exception ex) when (ex is System.Xml.XmlException or IOException)
            {
                throw new CliException($"تعذرت قراءة ملف الحل {file}", $"Unreadable solution file {file}: {ex.Message}", ExitCodes.UnreadableSolution);
            }
            var relative = Path.GetRelativePath(solutionFolder, file).Replace('\\', '/');
            foreach (var element in document.Descendants())
            {
                // Arabic labels repeat the English one with Arabic numerals for the clause; English is enough.
                var language = (string?)element.Attribute("languagecode");
                if (language is not null && language != "1033") continue;
                foreach (var attributeName in LabelAttributes)
                {
                    var text = (string?)element.Attribute(attributeName);
                    if (string.IsNullOrEmpty(text)) continue;
                    foreach (Match match in ClauseIdPattern().Matches(text))
                        mentions.Add(new SolutionClauseMention(match.Value, Describe(relative, element)));
                }
            }
        }
        return mentions.OrderBy(m => m.ClauseId, StringComparer.Ordinal).ThenBy(m => m.Component, StringComparer.Ordinal).ToList();
    }

    /// <summary>"OptionSets/taz_channel.xml › option value=826000001": the file plus the identifying ancestors.</summary>
    private static string Describe(string relativePath, XElement element)
    {
        var parts = new List<string>();
        foreach (var ancestor in element.AncestorsAndSelf().Reverse().Skip(1))
        {
            var identity = IdentityAttributes.Select(a => ancestor.Attribute(a)).FirstOrDefault(a => a is not null);
            if (identity is not null && ancestor.Attribute("languagecode") is null)
                parts.Add($"{ancestor.Name.LocalName} {identity.Name.LocalName}={identity.Value}");
        }
        var root = element.Document?.Root;
        var rootIdentity = root is null ? null : IdentityAttributes.Select(a => root.Attribute(a)).FirstOrDefault(a => a is not null);
        var head = rootIdentity is null ? relativePath : $"{relativePath} ({rootIdentity.Value})";
        return parts.Count == 0 ? head : head + " › " + string.Join(" › ", parts);
    }
}
