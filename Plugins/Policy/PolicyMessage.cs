using System;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>One bilingual policy message (generated from Plugins/Messages/policy-messages.json).</summary>
    internal sealed class PolicyMessage
    {
        public PolicyMessage(string key, string? field, string arabic, string english)
        {
            Key = key;
            Field = field;
            Arabic = arabic;
            English = english;
        }

        public string Key { get; }
        public string? Field { get; }
        public string Arabic { get; }
        public string English { get; }

        /// <summary>Arabic first (the association's language), then English, as the staff and portal show it.</summary>
        public string Format(params object[] args) =>
            string.Format(Arabic, args) + " | " + string.Format(English, args);

        /// <summary>As <see cref="Format(object[])"/>, with arguments of their own for each language (labels such as status names).</summary>
        public string Format(object[] arabicArgs, object[] englishArgs) =>
            string.Format(Arabic, arabicArgs) + " | " + string.Format(English, englishArgs);

        public InvalidPluginExecutionException ToException(params object[] args) =>
            new InvalidPluginExecutionException(Format(args), PluginHttpStatusCode.BadRequest);

        public override string ToString() => Format();
    }
}
