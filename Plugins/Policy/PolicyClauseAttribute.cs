using System;

namespace Taazeez.Crm.Policy
{
    /// <summary>Names the clauses of the Beneficiary Relationship Policy (G0–G6, C1–C8, T1–T4, S1–S7) that a rule,
    /// plugin or activity implements; `taazeez trace` collects them into docs/policy-traceability.md.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    internal sealed class PolicyClauseAttribute : Attribute
    {
        public PolicyClauseAttribute(params string[] clauses) { Clauses = clauses; }

        public string[] Clauses { get; }
    }
}
