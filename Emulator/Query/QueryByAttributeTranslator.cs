using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Faults;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>QueryByAttribute is an And of Equal conditions (a null value means Null), so it runs as the
    /// equivalent QueryExpression.</summary>
    public static class QueryByAttributeTranslator
    {
        public static QueryExpression Translate(QueryByAttribute query)
        {
            if (query.Attributes.Count == 0)
                throw DataverseFaults.InvalidQuery("QueryByAttribute must specify at least one attribute.");
            if (query.Attributes.Count != query.Values.Count)
                throw DataverseFaults.InvalidQuery(
                    $"QueryByAttribute has {query.Attributes.Count} attribute(s) but {query.Values.Count} value(s); they must pair up.");
            var result = new QueryExpression(query.EntityName) { ColumnSet = query.ColumnSet, PageInfo = query.PageInfo, TopCount = query.TopCount };
            result.Criteria.FilterOperator = LogicalOperator.And;
            for (var i = 0; i < query.Attributes.Count; i++)
                result.Criteria.Conditions.Add(query.Values[i] == null
                    ? new ConditionExpression(query.Attributes[i], ConditionOperator.Null)
                    : new ConditionExpression(query.Attributes[i], ConditionOperator.Equal, query.Values[i]));
            foreach (var order in query.Orders) result.Orders.Add(order);
            return result;
        }
    }
}
