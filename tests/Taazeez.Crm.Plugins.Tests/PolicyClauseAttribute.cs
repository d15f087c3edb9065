using System;

namespace Taazeez.Crm.Tests
{
    /// <summary>The policy clauses a test proves (matched by name by `taazeez trace`).</summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
    public sealed class PolicyClauseAttribute : Attribute
    {
        public PolicyClauseAttribute(params string[] clauses) { Clauses = clauses; }

        public string[] Clauses { get; }
    }
}
