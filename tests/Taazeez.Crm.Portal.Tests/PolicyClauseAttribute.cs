using System;

namespace Taazeez.Crm.Tests
{
    /// <summary>Policy clauses a test verifies; the trace command matches this attribute by name (docs/contracts.md).</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class PolicyClauseAttribute : Attribute
    {
        public PolicyClauseAttribute(params string[] clauses) => Clauses = clauses;

        public string[] Clauses { get; }
    }
}
