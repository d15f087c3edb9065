using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Taazeez.Crm.Portal.Tests.Infrastructure;
using Taazeez.Crm.Tests;

namespace Taazeez.Crm.Portal.Tests
{
    /// <summary>Every table, column and relationship the portal names (permissions, Web API settings, forms, queries) exists in Solution/src.</summary>
    public class PortalSchemaTests
    {
        private static readonly PortalSite Site = PortalSite.Current;
        private static readonly SolutionSchema Schema = SolutionSchema.Current;

        [Fact]
        public void Table_permissions_name_existing_tables_relationships_and_roles()
        {
            var builder = new PermissionQueryBuilder(Site, Schema);
            var roleIds = Site.WebRoles.Select(r => r["adx_webroleid"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var byId = builder.Permissions.ToDictionary(p => p["adx_entitypermissionid"], StringComparer.OrdinalIgnoreCase);
            Assert.NotEmpty(byId);
            foreach (var permission in builder.Permissions)
            {
                var table = permission["adx_entitylogicalname"];
                Assert.True(Schema.Tables.ContainsKey(table), table + " is not a table of the solution");
                var roles = permission.List("adx_entitypermission_webrole");
                Assert.NotEmpty(roles);
                Assert.All(roles, r => Assert.Contains(r, roleIds));
                builder.Plan(permission, Guid.NewGuid(), 0); // throws when a relationship is missing or points elsewhere
                if (permission.Get("adx_parententitypermission") is string parentId)
                {
                    Assert.Subset(byId[parentId].List("adx_entitypermission_webrole").ToHashSet(StringComparer.OrdinalIgnoreCase), roles.ToHashSet(StringComparer.OrdinalIgnoreCase));
                }
            }
        }

        [Fact]
        [PolicyClause("G4")]
        public void No_permission_grants_global_read_and_anonymous_users_read_nothing()
        {
            var anonymous = Site.WebRoles.Single(r => r.Flag("adx_anonymoususersrole"))["adx_webroleid"];
            foreach (var permission in Site.TablePermissions)
            {
                var scope = (PermissionScope)int.Parse(permission["adx_scope"], System.Globalization.CultureInfo.InvariantCulture);
                if (scope == PermissionScope.Global)
                {
                    Assert.False(permission.Flag("adx_read") || permission.Flag("adx_write") || permission.Flag("adx_delete") || permission.Flag("adx_append") || permission.Flag("adx_appendto"), permission["adx_entityname"]);
                }

                if (permission.List("adx_entitypermission_webrole").Contains(anonymous, StringComparer.OrdinalIgnoreCase))
                {
                    Assert.False(permission.Flag("adx_read"), permission["adx_entityname"] + " lets anonymous users read");
                }
            }
        }

        [Fact]
        public void Every_parental_permission_chain_ends_at_the_signed_in_contact()
        {
            var builder = new PermissionQueryBuilder(Site, Schema);
            var contact = Guid.NewGuid();
            foreach (var permission in builder.Permissions.Where(p => p["adx_scope"] != ((int)PermissionScope.Global).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                var plan = builder.Plan(permission, contact, 0);
                while (plan.Parent != null)
                {
                    plan = plan.Parent.ParentPlan;
                }

                Assert.Contains(plan.Conditions, c => c.Value == contact);
            }
        }

        [Fact]
        public void Web_api_settings_name_existing_columns_and_every_enabled_table_has_a_permission()
        {
            var enabled = Site.SiteSettings.Where(s => Regex.IsMatch(s["adx_name"], "^Webapi/[a-z_]+/enabled$") && s.Get("adx_value") == "true").Select(s => s["adx_name"].Split('/')[1]).ToList();
            Assert.NotEmpty(enabled);
            foreach (var table in enabled)
            {
                var fields = WebApiFields(table);
                Assert.NotEmpty(fields);
                Assert.All(fields, f => Assert.True(Schema.HasColumn(table, f), table + "." + f + " is not in the solution"));
                Assert.Contains(Site.TablePermissions, p => p["adx_entitylogicalname"] == table && (p.Flag("adx_create") || p.Flag("adx_write")));
            }
        }

        [Fact]
        public void Form_fields_write_only_web_api_enabled_columns_of_existing_tables()
        {
            var columns = Site.WebTemplates.Values.SelectMany(s => Regex.Matches(s, "data-column=\"([a-z_]+)\\.([a-z_]+)\"").Select(m => (Table: m.Groups[1].Value, Column: m.Groups[2].Value))).Distinct().ToList();
            Assert.True(columns.Count > 30, "expected the forms to bind their fields to columns");
            Assert.All(columns, c =>
            {
                Assert.True(Schema.HasColumn(c.Table, c.Column), c.Table + "." + c.Column + " is not in the solution");
                Assert.Contains(c.Column, WebApiFields(c.Table));
            });
        }

        [Fact]
        public void Columns_set_by_form_scripts_are_web_api_enabled_on_a_table_the_form_writes()
        {
            foreach (var (name, source) in Site.WebTemplates)
            {
                var tables = Regex.Matches(source, "data-entityset-([a-z_]+)=").Select(m => m.Groups[1].Value).ToList();
                var written = Regex.Matches(source, @"body\.([a-z_]+) =|^\s+(taz_[a-z_]+|subject|filename|mimetype|documentbody):", RegexOptions.Multiline)
                    .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
                    .Distinct()
                    .ToList();
                Assert.All(written, column => Assert.True(tables.Any(t => WebApiFields(t).Contains(column)), name + " writes " + column + " which no Web API setting of its tables allows"));
            }
        }

        [Fact]
        public void Entity_sets_and_lookup_navigation_properties_match_the_solution()
        {
            var sources = string.Join("\n", Site.WebTemplates.Values);
            var sets = Regex.Matches(sources, "data-entityset-([a-z_]+)=\"([a-z_]+)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).Distinct().ToList();
            Assert.NotEmpty(sets);
            Assert.All(sets, s => Assert.Equal(Schema.Tables[s.Item1].EntitySetName, s.Item2));

            var lookups = Regex.Matches(sources, "data-lookup-([a-z_]+)-([a-z_]+)=\"([A-Za-z_]+)\"").Select(m => (Table: m.Groups[1].Value, Column: m.Groups[2].Value, Navigation: m.Groups[3].Value)).Distinct().ToList();
            Assert.NotEmpty(lookups);
            foreach (var lookup in lookups)
            {
                Assert.Contains(lookup.Column, WebApiFields(lookup.Table));
                var relationships = Schema.Relationships.Values.Where(r => r.ReferencingEntity == lookup.Table && r.ReferencingAttribute == lookup.Column).ToList();
                Assert.True(relationships.Count > 0, lookup.Table + "." + lookup.Column + " is not a lookup of the solution");
                Assert.Contains(lookup.Navigation, relationships.Select(r => r.LookupNavigationProperty));
            }
        }

        [Fact]
        public void Fetchxml_queries_name_existing_tables_and_columns()
        {
            var renderer = new LiquidRenderer(Site);
            var fetches = PortalPages.All(Site)
                .SelectMany(p => renderer.Render(p.WebTemplate, new RenderRequest { ContactId = SampleData.ContactId, Rows = SampleData.Rows(), QueryString = new Dictionary<string, string> { ["id"] = SampleData.DecidedRequestId.ToString() } }).Fetches)
                .ToList();
            Assert.True(fetches.Count >= 7);
            foreach (var fetch in fetches)
            {
                Assert.NotNull(fetch.Fetch.Attribute("count"));
                var entity = fetch.Fetch.Element("entity")!;
                var table = (string)entity.Attribute("name")!;
                Assert.True(Schema.Tables.ContainsKey(table), fetch.Template + ": " + table);
                var named = entity.Elements("attribute").Select(a => (string)a.Attribute("name")!)
                    .Concat(entity.Descendants("condition").Select(c => (string)c.Attribute("attribute")!))
                    .Concat(entity.Elements("order").Select(o => (string)o.Attribute("attribute")!));
                Assert.All(named, column => Assert.True(Schema.HasColumn(table, column), fetch.Template + ": " + table + "." + column));
            }
        }

        private static IReadOnlyList<string> WebApiFields(string table) =>
            (Site.Setting("Webapi/" + table + "/fields") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
