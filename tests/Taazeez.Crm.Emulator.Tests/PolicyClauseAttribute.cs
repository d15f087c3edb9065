using System;

namespace Taazeez.Crm.Tests
{
    /// <summary>Same name and shape as Taazeez.Crm.Policy.PolicyClauseAttribute (docs/contracts.md), for tracing tests to clauses.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
    public sealed class PolicyClauseAttribute : Attribute
    {
        public PolicyClauseAttribute(params string[] clauses) { Clauses = clauses; }
        public string[] Clauses { get; }
    }
}
