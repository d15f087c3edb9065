using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    public sealed class ConditionExpression : IExtensibleDataObject
    {
        private readonly DataCollection<object> _values = new DataCollection<object>();

        public ConditionExpression() { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(null, attributeName, conditionOperator, false, values) { }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(entityName, attributeName, conditionOperator, false, values) { }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        {
            EntityName = entityName;
            AttributeName = attributeName;
            Operator = conditionOperator;
            CompareColumns = compareColumns;
            if (values != null) _values.AddRange(values);
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(entityName, attributeName, conditionOperator, compareColumns, new[] { value }) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(null, attributeName, conditionOperator, compareColumns, new[] { value }) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
            : this(null, attributeName, conditionOperator, compareColumns, values) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
            : this(null, attributeName, conditionOperator, false, new[] { value }) { }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value)
            : this(entityName, attributeName, conditionOperator, false, new[] { value }) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
            : this(null, attributeName, conditionOperator, false, new object[0]) { }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
            : this(entityName, attributeName, conditionOperator, false, new object[0]) { }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
        {
            AttributeName = attributeName;
            Operator = conditionOperator;
            if (values != null)
                foreach (var value in values) _values.Add(value);
        }

        public string EntityName { get; set; }
        public bool CompareColumns { get; set; }
        public string AttributeName { get; set; }
        public ConditionOperator Operator { get; set; }
        public DataCollection<object> Values => _values;
        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class FilterExpression : IExtensibleDataObject
    {
        public FilterExpression() { }

        public FilterExpression(LogicalOperator filterOperator) { FilterOperator = filterOperator; }

        public LogicalOperator FilterOperator { get; set; }
        public string FilterHint { get; set; }
        public LinkEntity AnyAllFilterLinkEntity { get; set; }
        public DataCollection<ConditionExpression> Conditions { get; } = new DataCollection<ConditionExpression>();
        public DataCollection<FilterExpression> Filters { get; } = new DataCollection<FilterExpression>();
        public bool IsQuickFindFilter { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values) =>
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values) =>
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values) =>
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, values));

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values) =>
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value) =>
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, value));

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value) =>
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, value));

        public void AddCondition(ConditionExpression condition) => Conditions.Add(condition);

        public FilterExpression AddFilter(LogicalOperator logicalOperator)
        {
            var child = new FilterExpression(logicalOperator);
            Filters.Add(child);
            return child;
        }

        public void AddFilter(FilterExpression childFilter) => Filters.Add(childFilter);
    }

    public sealed class OrderExpression : IExtensibleDataObject
    {
        public OrderExpression() { }

        public OrderExpression(string attributeName, OrderType orderType) : this(attributeName, orderType, null, null) { }

        public OrderExpression(string attributeName, OrderType orderType, string alias) : this(attributeName, orderType, alias, null) { }

        public OrderExpression(string attributeName, OrderType orderType, string alias, string entityName)
        {
            AttributeName = attributeName;
            OrderType = orderType;
            Alias = alias;
            EntityName = entityName;
        }

        public string AttributeName { get; set; }
        public OrderType OrderType { get; set; }
        public string Alias { get; set; }
        public string EntityName { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class LinkEntity : IExtensibleDataObject
    {
        private FilterExpression _linkCriteria = new FilterExpression();
        private ColumnSet _columns = new ColumnSet();

        public LinkEntity() { }

        public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            LinkFromEntityName = linkFromEntityName;
            LinkToEntityName = linkToEntityName;
            LinkFromAttributeName = linkFromAttributeName;
            LinkToAttributeName = linkToAttributeName;
            JoinOperator = joinOperator;
        }

        public string LinkFromAttributeName { get; set; }
        public string LinkFromEntityName { get; set; }
        public string LinkToEntityName { get; set; }
        public string LinkToAttributeName { get; set; }
        public JoinOperator JoinOperator { get; set; }

        public FilterExpression LinkCriteria
        {
            get => _linkCriteria;
            set => _linkCriteria = value ?? new FilterExpression();
        }

        public DataCollection<LinkEntity> LinkEntities { get; } = new DataCollection<LinkEntity>();

        public ColumnSet Columns
        {
            get => _columns;
            set => _columns = value ?? new ColumnSet();
        }

        public string EntityAlias { get; set; }
        public string ForceSeek { get; set; }
        public DataCollection<OrderExpression> Orders { get; } = new DataCollection<OrderExpression>();
        public ExtensionDataObject ExtensionData { get; set; }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName) =>
            AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
        {
            var link = new LinkEntity(LinkToEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }

    public sealed class PagingInfo : IExtensibleDataObject
    {
        public PagingInfo() { }

        public int PageNumber { get; set; }
        public int Count { get; set; }
        public bool ReturnTotalRecordCount { get; set; }
        public string PagingCookie { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }
}
