using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    public abstract class QueryBase : IExtensibleDataObject
    {
        internal QueryBase() { }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>A FetchXML query.</summary>
    public sealed class FetchExpression : QueryBase, IExtensibleDataObject
    {
        public FetchExpression() { }

        public FetchExpression(string query) { Query = query; }

        public string Query { get; set; }
    }

    /// <summary>Rows whose named attributes equal the given values (AND).</summary>
    public sealed class QueryByAttribute : QueryBase, IExtensibleDataObject
    {
        private ColumnSet _columnSet = new ColumnSet();
        private PagingInfo _pageInfo = new PagingInfo();

        public QueryByAttribute() { }

        public QueryByAttribute(string entityName) { EntityName = entityName; }

        public string EntityName { get; set; }
        public DataCollection<string> Attributes { get; } = new DataCollection<string>();
        public DataCollection<object> Values { get; } = new DataCollection<object>();

        public PagingInfo PageInfo
        {
            get => _pageInfo;
            set => _pageInfo = value ?? new PagingInfo();
        }

        public ColumnSet ColumnSet
        {
            get => _columnSet;
            set => _columnSet = value ?? new ColumnSet();
        }

        public DataCollection<OrderExpression> Orders { get; } = new DataCollection<OrderExpression>();
        public int? TopCount { get; set; }

        public void AddOrder(string attributeName, OrderType orderType) => Orders.Add(new OrderExpression(attributeName, orderType));

        public void AddAttributeValue(string attributeName, object value)
        {
            Attributes.Add(attributeName);
            Values.Add(value);
        }
    }

    /// <summary>A structured query: criteria, links, orders, paging.</summary>
    public sealed class QueryExpression : QueryBase, IExtensibleDataObject
    {
        private ColumnSet _columnSet = new ColumnSet();
        private FilterExpression _criteria = new FilterExpression();
        private PagingInfo _pageInfo = new PagingInfo();

        public QueryExpression() { }

        public QueryExpression(string entityName) { EntityName = entityName; }

        public bool Distinct { get; set; }
        public bool NoLock { get; set; }

        public PagingInfo PageInfo
        {
            get => _pageInfo;
            set => _pageInfo = value ?? new PagingInfo();
        }

        public string QueryHints { get; set; }
        public string ForceSeek { get; set; }
        public string DataSource { get; set; }
        public DataCollection<LinkEntity> LinkEntities { get; } = new DataCollection<LinkEntity>();

        public FilterExpression Criteria
        {
            get => _criteria;
            set => _criteria = value ?? new FilterExpression();
        }

        public DataCollection<OrderExpression> Orders { get; } = new DataCollection<OrderExpression>();
        public string EntityName { get; set; }

        public ColumnSet ColumnSet
        {
            get => _columnSet;
            set => _columnSet = value ?? new ColumnSet();
        }

        public int? TopCount { get; set; }

        public void AddOrder(string attributeName, OrderType orderType) => Orders.Add(new OrderExpression(attributeName, orderType));

        public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName) =>
            Orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName) =>
            AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }
}
