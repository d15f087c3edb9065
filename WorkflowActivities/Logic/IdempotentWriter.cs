using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.WorkflowActivities
{
    /// <summary>Creates a row under its deterministic id unless a previous attempt already did.</summary>
    public static class IdempotentWriter
    {
        /// <returns>true when the row was created now, false when it already existed.</returns>
        public static bool CreateOnce(IOrganizationService service, Entity row, string primaryIdAttribute)
        {
            if (row.Id == Guid.Empty) throw new ArgumentException("The row needs its deterministic id before CreateOnce.", nameof(row));
            if (Exists(service, row.LogicalName, primaryIdAttribute, row.Id)) return false;
            service.Create(row);
            return true;
        }

        public static bool Exists(IOrganizationService service, string entityName, string primaryIdAttribute, Guid id)
        {
            // RetrieveMultiple rather than Retrieve: a missing row is the normal case here, not a fault.
            var query = new QueryExpression(entityName) { ColumnSet = new ColumnSet(primaryIdAttribute), TopCount = 1 };
            query.Criteria.AddCondition(primaryIdAttribute, ConditionOperator.Equal, id);
            return service.RetrieveMultiple(query).Entities.Count > 0;
        }
    }
}
