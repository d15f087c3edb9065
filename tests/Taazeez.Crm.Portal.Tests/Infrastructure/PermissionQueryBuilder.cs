using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Taazeez.Crm.Portal.Tests.Infrastructure
{
    public enum PermissionScope
    {
        Global = 756150000,
        Contact = 756150001,
        Account = 756150002,
        Parent = 756150003,
        Self = 756150004,
    }

    /// <summary>Join from a row to its parent row: parent.ParentKey = row.ChildLookup, and the parent satisfies ParentPlan.</summary>
    public sealed record ParentLink(string ParentTable, string ParentKey, string ChildLookup, QueryPlan ParentPlan);

    /// <summary>
    /// The rows one table permission lets a contact reach: column = contact id conditions on the table itself and,
    /// for parental scope, an inner join to the parent table under the parent permission's own plan.
    /// </summary>
    public sealed record QueryPlan(string Table, string PermissionName, PermissionScope Scope, IReadOnlyList<(string Column, Guid Value)> Conditions, ParentLink? Parent)
    {
        public bool IsUnrestricted => Conditions.Count == 0 && Parent == null;

        /// <summary>The plan as FetchXML (what the portal adds to a query for this permission).</summary>
        public XElement ToFetchXml()
        {
            var entity = new XElement("entity", new XAttribute("name", Table));
            AddTo(entity, this);
            return new XElement("fetch", entity);
        }

        private static void AddTo(XElement node, QueryPlan plan)
        {
            if (plan.Conditions.Count > 0)
            {
                node.Add(new XElement("filter", plan.Conditions.Select(c =>
                    new XElement("condition", new XAttribute("attribute", c.Column), new XAttribute("operator", "eq"), new XAttribute("value", c.Value)))));
            }

            if (plan.Parent is ParentLink link)
            {
                var linkEntity = new XElement("link-entity", new XAttribute("name", link.ParentTable), new XAttribute("from", link.ParentKey), new XAttribute("to", link.ChildLookup), new XAttribute("link-type", "inner"));
                AddTo(linkEntity, link.ParentPlan);
                node.Add(linkEntity);
            }
        }
    }

    /// <summary>
    /// Turns the site's table permissions into the queries Power Pages runs for a signed-in contact:
    /// for a table and privilege, one plan per permission that grants it to one of the contact's web roles.
    /// </summary>
    public sealed class PermissionQueryBuilder
    {
        private readonly IReadOnlyDictionary<string, PortalRecord> permissions;
        private readonly SolutionSchema schema;
        private readonly IReadOnlyDictionary<string, string> roleIdsByName;

        public PermissionQueryBuilder(PortalSite site, SolutionSchema schema)
        {
            permissions = site.TablePermissions.ToDictionary(p => p["adx_entitypermissionid"], StringComparer.OrdinalIgnoreCase);
            this.schema = schema;
            roleIdsByName = site.WebRoles.ToDictionary(r => r["adx_name"], r => r["adx_webroleid"], StringComparer.Ordinal);
        }

        public IEnumerable<PortalRecord> Permissions => permissions.Values;

        public string RoleId(string roleName) => roleIdsByName[roleName];

        /// <summary>Plans for every permission on <paramref name="table"/> granting <paramref name="privilege"/> (adx_read, adx_write...) to the roles.</summary>
        public IReadOnlyList<QueryPlan> PlansFor(string table, string privilege, Guid contactId, params string[] roleNames)
        {
            var roles = roleNames.Select(RoleId).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return permissions.Values
                .Where(p => p["adx_entitylogicalname"] == table && p.Flag(privilege) && p.List("adx_entitypermission_webrole").Any(roles.Contains))
                .Select(p => Plan(p, contactId, 0))
                .ToList();
        }

        public QueryPlan Plan(PortalRecord permission, Guid contactId, int depth)
        {
            if (depth > 8)
            {
                throw new InvalidOperationException("Permission chain too deep (cycle?) at " + permission["adx_entityname"]);
            }

            var table = permission["adx_entitylogicalname"];
            var name = permission["adx_entityname"];
            var scope = (PermissionScope)int.Parse(permission["adx_scope"], System.Globalization.CultureInfo.InvariantCulture);
            switch (scope)
            {
                case PermissionScope.Global:
                    return new QueryPlan(table, name, scope, Array.Empty<(string, Guid)>(), null);
                case PermissionScope.Self:
                    Require(table == "contact", name + ": self scope is only meaningful on contact");
                    return new QueryPlan(table, name, scope, new[] { ("contactid", contactId) }, null);
                case PermissionScope.Contact:
                {
                    var relationship = Relationship(permission.Get("adx_contactrelationship"), name);
                    Require(relationship.ReferencedEntity == "contact" && relationship.ReferencingEntity == table, name + ": " + relationship.Name + " does not link " + table + " to contact");
                    return new QueryPlan(table, name, scope, new[] { (relationship.ReferencingAttribute, contactId) }, null);
                }

                case PermissionScope.Parent:
                {
                    var parentId = permission.Get("adx_parententitypermission") ?? throw new InvalidOperationException(name + ": parental scope without parent permission");
                    Require(permissions.TryGetValue(parentId, out var parent), name + ": parent permission " + parentId + " not found");
                    var relationship = Relationship(permission.Get("adx_parentrelationship"), name);
                    var parentTable = parent!["adx_entitylogicalname"];
                    Require(relationship.ReferencingEntity == table && relationship.ReferencedEntity == parentTable, name + ": " + relationship.Name + " does not link " + table + " to " + parentTable);
                    var parentPlan = Plan(parent, contactId, depth + 1);
                    return new QueryPlan(table, name, scope, Array.Empty<(string, Guid)>(), new ParentLink(parentTable, parentTable + "id", relationship.ReferencingAttribute, parentPlan));
                }

                default:
                    throw new NotSupportedException(name + ": scope " + scope + " is not used by this portal");
            }
        }

        private Relationship Relationship(string? name, string permission)
        {
            Require(name != null && schema.Relationships.ContainsKey(name), permission + ": relationship '" + name + "' is not in Solution/src");
            return schema.Relationships[name!];
        }

        private static void Require(bool condition, string message)
        {
            if (!condition)
            {
                throw new InvalidOperationException(message);
            }
        }
    }
}
