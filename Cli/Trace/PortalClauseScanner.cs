using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Taazeez.Crm.Cli.Trace;

/// <summary>
/// Collects clause ids from the portal's Liquid templates: a template says what it implements in a Liquid comment
/// (<c>{% comment %}Implements G4, C7: ...{% endcomment %}</c>), which Power Pages never renders. Only comments that
/// start with "Implements" count, so a comment that merely mentions a clause does not claim it.
/// </summary>
public static partial class PortalClauseScanner
{
    [GeneratedRegex(@"\{%-?\s*comment\s*-?%\}\s*Implements\s+(?<text>.*?)\{%-?\s*endcomment\s*-?%\}", RegexOptions.Singleline)]
    private static partial Regex ImplementsComment();

    public static IReadOnlyList<SolutionClauseMention> Scan(string portalFolder)
    {
        var templates = Path.Combine(portalFolder, "web-templates");
        if (!Directory.Exists(templates)) return Array.Empty<SolutionClauseMention>();
        var mentions = new HashSet<SolutionClauseMention>();
        foreach (var file in Directory.EnumerateFiles(templates, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var component = "web-templates/" + Path.GetFileName(Path.GetDirectoryName(file)!);
            foreach (Match comment in ImplementsComment().Matches(File.ReadAllText(file)))
            {
                // The ids come before the colon; the explanation after it may name other clauses for context.
                var ids = comment.Groups["text"].Value.Split(':')[0];
                foreach (var id in SolutionClauseScanner.ClauseIds(ids))
                    mentions.Add(new SolutionClauseMention(id, component));
            }
        }
        return mentions.OrderBy(m => m.ClauseId, StringComparer.Ordinal).ThenBy(m => m.Component, StringComparer.Ordinal).ToList();
    }
}
