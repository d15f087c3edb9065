using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Taazeez.Crm.Plugins.Tests
{
    /// <summary>The expected "ar | en" text of a message, read from Plugins/Messages/policy-messages.json.</summary>
    internal static class PolicyText
    {
        private static readonly Lazy<JsonDocument> Catalog = new Lazy<JsonDocument>(() => JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "Plugins", "Messages", "policy-messages.json"))));

        public static string Arabic(string key, params object[] args) => string.Format(Catalog.Value.RootElement.GetProperty(key).GetProperty("ar").GetString()!, args);

        public static string English(string key, params object[] args) => string.Format(Catalog.Value.RootElement.GetProperty(key).GetProperty("en").GetString()!, args);

        public static string Both(string key, params object[] args) => Arabic(key, args) + " | " + English(key, args);

        /// <summary>Every message of the catalogue as a pattern of its "ar | en" text, the placeholders matching any value.</summary>
        public static readonly Lazy<System.Collections.Generic.IReadOnlyList<System.Text.RegularExpressions.Regex>> Patterns = new(() =>
            Catalog.Value.RootElement.EnumerateObject().Select(m => new System.Text.RegularExpressions.Regex(
                "^" + Pattern(m.Value.GetProperty("ar").GetString()!) + " \\| " + Pattern(m.Value.GetProperty("en").GetString()!) + "$",
                System.Text.RegularExpressions.RegexOptions.Singleline)).ToList());

        private static string Pattern(string text) =>
            System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(text), @"\\\{\d+}", ".*");

        /// <summary>Asserts the exception carries the message in both languages, Arabic first.</summary>
        public static void AssertMessage(Exception error, string key, params object[] args)
        {
            var exception = Assert.IsType<Microsoft.Xrm.Sdk.InvalidPluginExecutionException>(error);
            Assert.Equal(Both(key, args), exception.Message);
            Assert.Contains(Arabic(key, args), exception.Message);
            Assert.Contains(English(key, args), exception.Message);
            Assert.Matches("[\u0600-\u06FF]", Arabic(key, args));
        }

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Plugins", "Messages", "policy-messages.json"))) return dir.FullName;
            throw new InvalidOperationException("repository root not found");
        }
    }
}
