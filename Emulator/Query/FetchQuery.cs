using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>A parsed FetchXML query: the QueryExpression it is equivalent to, plus what QueryExpression cannot
    /// carry (the aggregate spec of aggregate="true").</summary>
    public sealed class FetchQuery
    {
        public FetchQuery(QueryExpression query, AggregateSpec? aggregate)
        {
            Query = query;
            Aggregate = aggregate;
        }

        public QueryExpression Query { get; }
        public AggregateSpec? Aggregate { get; }
    }

    public enum AggregateFunction { Count, CountColumn, Sum, Avg, Min, Max }

    /// <summary>One attribute of an aggregate query: a group-by column (optionally grouped by a date part) or an
    /// aggregate. Link is the link-entity it belongs to, null for the root entity.</summary>
    public sealed record AggregateColumn(LinkEntity? Link, string Column, string Alias, AggregateFunction? Function, bool GroupBy,
        string? DateGrouping, bool Distinct);

    public sealed record AggregateOrder(string Alias, bool Descending);

    public sealed class AggregateSpec
    {
        public AggregateSpec(IReadOnlyList<AggregateColumn> columns, IReadOnlyList<AggregateOrder> orders)
        {
            Columns = columns;
            Orders = orders;
        }

        public IReadOnlyList<AggregateColumn> Columns { get; }
        public IReadOnlyList<AggregateOrder> Orders { get; }
    }
}
