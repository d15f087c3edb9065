using System;

namespace Taazeez.Crm.Tests;

/// <summary>Names the policy clauses a test verifies; read by `taazeez trace` by attribute name.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class PolicyClauseAttribute : Attribute
{
    public PolicyClauseAttribute(params string[] clauses) => Clauses = clauses;

    public string[] Clauses { get; }
}
