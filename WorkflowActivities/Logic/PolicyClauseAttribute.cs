using System;

namespace Taazeez.Crm.WorkflowActivities
{
    /// <summary>Traceability marker (docs/contracts.md): the policy clauses an activity or rule implements.
    /// The trace command matches attributes by the name PolicyClauseAttribute and reads the string arguments.</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
    internal sealed class PolicyClauseAttribute : Attribute
    {
        public PolicyClauseAttribute(params string[] clauses) { Clauses = clauses; }
        public string[] Clauses { get; }
    }
}
