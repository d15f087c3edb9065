using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Policy
{
    /// <summary>A rule's verdict against a change: the bilingual message and its arguments (Arabic and English
    /// arguments differ only where the argument itself is a label, such as a status name).</summary>
    internal sealed class PolicyViolation
    {
        public PolicyViolation(PolicyMessage message, params object[] args) : this(message, args, args) { }

        public PolicyViolation(PolicyMessage message, object[] arabicArgs, object[] englishArgs)
        {
            Message = message;
            ArabicArgs = arabicArgs;
            EnglishArgs = englishArgs;
        }

        public PolicyMessage Message { get; }
        public object[] ArabicArgs { get; }
        public object[] EnglishArgs { get; }

        /// <summary>"ar | en", as the caller sees it.</summary>
        public string Text => Message.Format(ArabicArgs, EnglishArgs);

        public InvalidPluginExecutionException ToException() =>
            new InvalidPluginExecutionException(Text, PluginHttpStatusCode.BadRequest);

        public override string ToString() => Text;
    }
}
