using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Faults;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>FetchXML → QueryExpression (+ aggregate spec). Translation only: names are checked against metadata
    /// later, by the same binder QueryExpression goes through. Anything malformed is an InvalidFetch fault naming
    /// the problem, never an XmlException or NullReferenceException.</summary>
    public static class FetchXmlParser
    {
        public static FetchQuery Parse(string? fetchXml)
        {
            if (string.IsNullOrWhiteSpace(fetchXml)) throw DataverseFaults.InvalidFetch("the query is empty.");
            XElement fetch;
            try
            {
                fetch = XElement.Parse(fetchXml);
            }
            catch (XmlException e)
            {
                throw DataverseFaults.InvalidFetch($"the query is not well-formed XML ({e.Message}).");
            }
            if (fetch.Name.LocalName != "fetch") throw DataverseFaults.InvalidFetch($"the root element must be <fetch>, not <{fetch.Name.LocalName}>.");

            var entities = fetch.Elements().Where(e => e.Name.LocalName == "entity").ToList();
            var other = fetch.Elements().FirstOrDefault(e => e.Name.LocalName is not ("entity" or "order"));
            if (other != null) throw DataverseFaults.InvalidFetch($"unexpected element <{other.Name.LocalName}> in <fetch>.");
            if (entities.Count != 1) throw DataverseFaults.InvalidFetch($"<fetch> must contain exactly one <entity> element (found {entities.Count}).");
            var entity = entities[0];
            var aggregate = Bool(fetch, "aggregate");

            var query = new QueryExpression(Required(entity, "name"))
            {
                Distinct = Bool(fetch, "distinct"),
                NoLock = Bool(fetch, "no-lock"),
                TopCount = Int(fetch, "top"),
            };
            var count = Int(fetch, "count");
            var page = Int(fetch, "page");
            query.PageInfo = new PagingInfo
            {
                Count = count ?? 0,
                PageNumber = page ?? 0,
                PagingCookie = (string?)fetch.Attribute("paging-cookie"),
                ReturnTotalRecordCount = Bool(fetch, "returntotalrecordcount"),
            };
            if (query.TopCount != null && (count != null || page != null))
                throw DataverseFaults.InvalidFetch("the 'top' attribute cannot be used with the paging attributes 'count' and 'page'.");

            var context = new Context(aggregate);
            query.ColumnSet = ReadNode(entity, null, query.Criteria, query.Orders, query.LinkEntities, context, isRoot: true);
            foreach (var order in fetch.Elements().Where(e => e.Name.LocalName == "order")) ReadOrder(order, query.Orders, context);
            if (!aggregate) return new FetchQuery(query, null);

            if (context.Columns.Count == 0) throw DataverseFaults.InvalidFetch("an aggregate query needs at least one attribute with aggregate or groupby.");
            var duplicate = context.Columns.GroupBy(c => c.Alias, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null) throw DataverseFaults.InvalidFetch($"the alias '{duplicate.Key}' is used by more than one attribute.");
            return new FetchQuery(query, new AggregateSpec(context.Columns, context.AliasOrders));
        }

        private sealed class Context
        {
            public Context(bool aggregate) { Aggregate = aggregate; }
            public bool Aggregate { get; }
            public List<AggregateColumn> Columns { get; } = new();
            public List<AggregateOrder> AliasOrders { get; } = new();
        }

        /// <summary>Reads an entity or link-entity body; returns its column set.</summary>
        private static ColumnSet ReadNode(XElement node, LinkEntity? link, FilterExpression criteria, ICollection<OrderExpression> orders,
            ICollection<LinkEntity> links, Context context, bool isRoot)
        {
            var where = $"<{node.Name.LocalName} name='{(string?)node.Attribute("name")}'>";
            var columns = new ColumnSet();
            var anyAttribute = false;
            var filters = new List<FilterExpression>();
            foreach (var child in node.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "attribute":
                        anyAttribute = true;
                        ReadAttribute(child, link, columns, context, where);
                        break;
                    case "all-attributes":
                        if (context.Aggregate) throw DataverseFaults.InvalidFetch($"<all-attributes> cannot be used in an aggregate query ({where}).");
                        anyAttribute = true;
                        columns.AllColumns = true;
                        break;
                    case "order":
                        ReadOrder(child, orders, context);
                        break;
                    case "filter":
                        filters.Add(ReadFilter(child, where));
                        break;
                    case "link-entity":
                        links.Add(ReadLink(child, (string)node.Attribute("name")!, context));
                        break;
                    default:
                        throw DataverseFaults.InvalidFetch($"unexpected element <{child.Name.LocalName}> in {where}.");
                }
            }
            // Several <filter> children are joined with and, as Dataverse does.
            if (filters.Count == 1) CopyFilter(filters[0], criteria);
            else if (filters.Count > 1)
            {
                criteria.FilterOperator = LogicalOperator.And;
                foreach (var filter in filters) criteria.Filters.Add(filter);
            }
            // No <attribute> on the entity means all columns; a link-entity without attributes returns none.
            if (isRoot && !anyAttribute && !context.Aggregate) columns.AllColumns = true;
            return columns;
        }

        private static void CopyFilter(FilterExpression from, FilterExpression to)
        {
            to.FilterOperator = from.FilterOperator;
            foreach (var condition in from.Conditions) to.Conditions.Add(condition);
            foreach (var filter in from.Filters) to.Filters.Add(filter);
        }

        private static void ReadAttribute(XElement attribute, LinkEntity? link, ColumnSet columns, Context context, string where)
        {
            var name = Required(attribute, "name");
            var alias = (string?)attribute.Attribute("alias");
            var function = (string?)attribute.Attribute("aggregate");
            var groupBy = Bool(attribute, "groupby");
            var dateGrouping = (string?)attribute.Attribute("dategrouping");
            if (!context.Aggregate)
            {
                if (function != null || groupBy)
                    throw DataverseFaults.InvalidFetch($"attribute '{name}' uses aggregate/groupby but <fetch> does not set aggregate=\"true\".");
                if (!string.IsNullOrEmpty(alias))
                    throw DataverseFaults.NotSupportedByEmulator($"column aliases outside aggregate queries (attribute '{name}' alias '{alias}')");
                columns.AddColumn(name);
                return;
            }
            if (function == null && !groupBy)
                throw DataverseFaults.InvalidFetch($"attribute '{name}' in an aggregate query needs aggregate=\"...\" or groupby=\"true\" ({where}).");
            if (string.IsNullOrEmpty(alias))
                throw DataverseFaults.InvalidFetch($"attribute '{name}' in an aggregate query needs an alias ({where}).");
            AggregateFunction? parsed = function switch
            {
                null => null,
                "count" => AggregateFunction.Count,
                "countcolumn" => AggregateFunction.CountColumn,
                "sum" => AggregateFunction.Sum,
                "avg" => AggregateFunction.Avg,
                "min" => AggregateFunction.Min,
                "max" => AggregateFunction.Max,
                _ => throw DataverseFaults.InvalidFetch($"'{function}' is not an aggregate function (count, countcolumn, sum, avg, min, max)."),
            };
            if (parsed != null && groupBy) throw DataverseFaults.InvalidFetch($"attribute '{name}' cannot both aggregate and group by.");
            if (dateGrouping != null)
            {
                if (!groupBy) throw DataverseFaults.InvalidFetch($"attribute '{name}' has dategrouping but is not groupby=\"true\".");
                if (dateGrouping is "fiscal-period" or "fiscal-year") throw DataverseFaults.NotSupportedByEmulator($"dategrouping '{dateGrouping}'");
                if (dateGrouping is not ("day" or "week" or "month" or "quarter" or "year"))
                    throw DataverseFaults.InvalidFetch($"'{dateGrouping}' is not a dategrouping (day, week, month, quarter, year).");
            }
            context.Columns.Add(new AggregateColumn(link, name, alias, parsed, groupBy, dateGrouping, Bool(attribute, "distinct")));
        }

        private static void ReadOrder(XElement order, ICollection<OrderExpression> orders, Context context)
        {
            var attribute = (string?)order.Attribute("attribute");
            var alias = (string?)order.Attribute("alias");
            var descending = Bool(order, "descending");
            if (context.Aggregate)
            {
                if (string.IsNullOrEmpty(alias))
                    throw DataverseFaults.InvalidFetch("an <order> in an aggregate query must name an attribute alias (alias=\"...\"), not an attribute.");
                context.AliasOrders.Add(new AggregateOrder(alias, descending));
                return;
            }
            if (string.IsNullOrEmpty(attribute)) throw DataverseFaults.InvalidFetch("<order> needs an attribute.");
            orders.Add(new OrderExpression(attribute, descending ? OrderType.Descending : OrderType.Ascending, null, (string?)order.Attribute("entityname")));
        }

        private static FilterExpression ReadFilter(XElement element, string where)
        {
            var type = (string?)element.Attribute("type") ?? "and";
            var filter = new FilterExpression(type switch
            {
                "and" => LogicalOperator.And,
                "or" => LogicalOperator.Or,
                _ => throw DataverseFaults.InvalidFetch($"'{type}' is not a filter type (and, or)."),
            });
            foreach (var child in element.Elements())
            {
                if (child.Name.LocalName == "condition") filter.Conditions.Add(ReadCondition(child));
                else if (child.Name.LocalName == "filter") filter.Filters.Add(ReadFilter(child, where));
                else throw DataverseFaults.InvalidFetch($"unexpected element <{child.Name.LocalName}> in a <filter> of {where}.");
            }
            return filter;
        }

        private static ConditionExpression ReadCondition(XElement element)
        {
            var attribute = Required(element, "attribute");
            var name = Required(element, "operator");
            if (!FetchXmlOperators.Conditions.TryGetValue(name, out var op))
                throw DataverseFaults.InvalidFetch($"'{name}' is not a valid condition operator (condition on '{attribute}').");
            var values = new List<object>();
            var single = (string?)element.Attribute("value");
            if (single != null) values.Add(single);
            foreach (var value in element.Elements())
            {
                if (value.Name.LocalName != "value") throw DataverseFaults.InvalidFetch($"unexpected element <{value.Name.LocalName}> in the condition on '{attribute}'.");
                values.Add(value.Value);
            }
            var valueOf = (string?)element.Attribute("valueof");
            if (valueOf != null)
            {
                if (values.Count > 0) throw DataverseFaults.InvalidFetch($"the condition on '{attribute}' has both valueof and a value.");
                return new ConditionExpression((string?)element.Attribute("entityname"), attribute, op, true, new object[] { valueOf });
            }
            return new ConditionExpression((string?)element.Attribute("entityname"), attribute, op, false, values.ToArray());
        }

        private static LinkEntity ReadLink(XElement element, string parentName, Context context)
        {
            var name = Required(element, "name");
            var type = (string?)element.Attribute("link-type") ?? "inner";
            if (!FetchXmlOperators.LinkTypes.TryGetValue(type, out var join))
                throw DataverseFaults.InvalidFetch($"'{type}' is not a link-type (link-entity '{name}').");
            var link = new LinkEntity(parentName, name, Required(element, "to"), Required(element, "from"), join)
            {
                EntityAlias = (string?)element.Attribute("alias"),
            };
            link.Columns = ReadNode(element, link, link.LinkCriteria, link.Orders, link.LinkEntities, context, isRoot: false);
            return link;
        }

        private static string Required(XElement element, string attribute)
        {
            var value = (string?)element.Attribute(attribute);
            if (string.IsNullOrWhiteSpace(value))
                throw DataverseFaults.InvalidFetch($"<{element.Name.LocalName}> is missing its '{attribute}' attribute.");
            return value;
        }

        private static bool Bool(XElement element, string attribute)
        {
            var value = (string?)element.Attribute(attribute);
            return value switch
            {
                null => false,
                "true" or "1" => true,
                "false" or "0" => false,
                _ => throw DataverseFaults.InvalidFetch($"'{value}' is not a valid value for {attribute} (true or false)."),
            };
        }

        private static int? Int(XElement element, string attribute)
        {
            var value = (string?)element.Attribute(attribute);
            if (value == null) return null;
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 0)
                throw DataverseFaults.InvalidFetch($"'{value}' is not a valid value for {attribute} (a whole number).");
            return number;
        }
    }
}
