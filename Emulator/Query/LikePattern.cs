using System.Text;
using System.Text.RegularExpressions;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>SQL Server LIKE: % any run, _ one character, [abc]/[a-z]/[^a] character classes; case-insensitive as
    /// Dataverse's default collation. Compiled once per condition, not once per row.</summary>
    internal static class LikePattern
    {
        public static Regex ToRegex(string pattern)
        {
            var regex = new StringBuilder("^");
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                switch (c)
                {
                    case '%': regex.Append(".*"); break;
                    case '_': regex.Append('.'); break;
                    case '[':
                        var close = pattern.IndexOf(']', i + 1);
                        if (close < 0) { regex.Append(@"\["); break; }
                        var set = pattern.Substring(i + 1, close - i - 1);
                        regex.Append('[');
                        if (set.StartsWith('^')) { regex.Append('^'); set = set.Substring(1); }
                        foreach (var s in set) regex.Append(s == '-' ? "-" : Regex.Escape(s.ToString()));
                        regex.Append(']');
                        i = close;
                        break;
                    default: regex.Append(Regex.Escape(c.ToString())); break;
                }
            }
            regex.Append('$');
            return new Regex(regex.ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
        }
    }
}
