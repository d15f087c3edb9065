using System;
using System.Collections.Generic;
using System.Linq;

namespace Taazeez.Crm.Emulator.Metadata
{
    /// <summary>The Dataverse system tables and system columns a solution relies on without shipping them: users,
    /// roles, contacts, notes, activities and environment variables. A solution's Entity.xml for a system table
    /// (our email/letter extensions) holds only the columns it adds, so they are merged onto these.</summary>
    public static class SystemTables
    {
        private static readonly string[] ActivityTables = { "email", "letter", "phonecall", "appointment", "task", "fax" };

        public static SolutionMetadata AddTo(SolutionMetadata solution)
        {
            var tables = new Dictionary<string, TableMetadata>(StringComparer.Ordinal);
            foreach (var table in Definitions())
                tables[table.LogicalName] = table;
            foreach (var table in solution.Tables.Values)
            {
                var isActivity = tables.TryGetValue(table.LogicalName, out var system) && system.IsActivity
                    || table.Columns.ContainsKey("activityid");
                // A custom table's Entity.xml lists its own ownership and state columns (an organization-owned table has
                // no ownerid); only the platform's audit and version columns are added under it.
                var basis = system ?? (isActivity ? Activity(table.LogicalName) : Table(table.LogicalName, table.PrimaryIdColumn));
                var columns = basis.Columns.Values.ToDictionary(c => c.LogicalName, StringComparer.Ordinal);
                foreach (var column in table.Columns.Values)
                    columns[column.LogicalName] = column;
                var stateOfStatus = table.StateOfStatus.Count > 0 ? table.StateOfStatus : basis.StateOfStatus;
                var merged = new TableMetadata(table.LogicalName, columns.Values, table.AlternateKeys, stateOfStatus);
                tables[table.LogicalName] = isActivity ? merged.AsActivity(stateOfStatus) : merged;
            }
            foreach (var relationship in solution.Relationships.Where(r => r.IsManyToMany && r.IntersectEntity != null))
                tables.TryAdd(relationship.IntersectEntity!, Table(relationship.IntersectEntity!, relationship.IntersectEntity + "id",
                    IntersectColumn(relationship.ReferencedEntity + "id"), IntersectColumn(relationship.ReferencingEntity + "id")));
            return solution.WithTables(tables.Values);
        }

        private static IEnumerable<TableMetadata> Definitions()
        {
            yield return Table("businessunit", "businessunitid", Text("name", 160), Lookup("parentbusinessunitid", "businessunit"));
            yield return Owned("systemuser", "systemuserid", Text("fullname", 200), Text("firstname", 64), Text("lastname", 64),
                Text("domainname", 1024), Text("internalemailaddress", 100), Text("mobilephone", 64),
                Lookup("businessunitid", "businessunit"), Column("isdisabled", "bit"), Column("azureactivedirectoryobjectid", "uniqueidentifier"));
            yield return Owned("team", "teamid", Text("name", 160), Lookup("businessunitid", "businessunit"), Column("teamtype", "picklist"));
            // parentrootroleid: Dataverse copies each role into every business unit; the copies point at the root role.
            yield return Table("role", "roleid", Text("name", 100), Lookup("businessunitid", "businessunit"), Lookup("parentrootroleid", "role"));
            yield return Table("systemuserroles", "systemuserroleid", IntersectColumn("systemuserid"), IntersectColumn("roleid"));
            yield return Table("teammembership", "teammembershipid", IntersectColumn("systemuserid"), IntersectColumn("teamid"));
            yield return Owned("contact", "contactid", Text("firstname", 50), Text("lastname", 50), Text("fullname", 160),
                Text("emailaddress1", 100), Text("mobilephone", 50), Text("telephone1", 50), Text("address1_city", 80),
                Column("preferredcontactmethodcode", "picklist"), Text("adx_identity_username", 100));
            yield return Owned("annotation", "annotationid", Text("subject", 500), Text("notetext", 100000), Lookup("objectid"),
                Text("objecttypecode", 100), Text("filename", 255), Text("mimetype", 256), Text("documentbody", 1073741823),
                Column("isdocument", "bit"), Column("filesize", "int"));
            yield return Table("activityparty", "activitypartyid", Lookup("activityid"), Lookup("partyid"),
                Column("participationtypemask", "picklist"), Text("addressused", 320));
            yield return Table("transactioncurrency", "transactioncurrencyid", Text("currencyname", 100), Text("isocurrencycode", 5));
            yield return Table("environmentvariabledefinition", "environmentvariabledefinitionid", Text("schemaname", 100),
                Text("displayname", 100), Text("defaultvalue", 2000), Column("type", "picklist"));
            yield return Table("environmentvariablevalue", "environmentvariablevalueid", Text("schemaname", 100),
                Lookup("environmentvariabledefinitionid", "environmentvariabledefinition"), Text("value", 2000));
            foreach (var activity in ActivityTables)
                yield return Activity(activity);
        }

        private static TableMetadata Activity(string name) => Owned(name, "activityid",
                Text("subject", 400), Text("description", 100000), Lookup("regardingobjectid"),
                Column("scheduledstart", "datetime"), Column("scheduledend", "datetime"), Column("actualstart", "datetime"),
                Column("actualend", "datetime"), Column("prioritycode", "picklist"), Text("activitytypecode", 64),
                Column("directioncode", "bit"), Text("category", 250), Text("address", 200), Text("phonenumber", 200),
                Text("location", 200), Column("durationminutes", "int"),
                PartyList("from"), PartyList("to"), PartyList("cc"), PartyList("bcc"), PartyList("requiredattendees"),
                PartyList("optionalattendees"), PartyList("customers"), PartyList("regardingobjectid_party"))
            .AsActivity(ActivityStatuses(name));

        /// <summary>statuscode → statecode of the activity tables (Open 0, Completed 1, Canceled 2, Scheduled 3).</summary>
        private static Dictionary<int, int> ActivityStatuses(string name) => name switch
        {
            "email" => new() { [1] = 0, [6] = 0, [7] = 0, [8] = 0, [2] = 1, [3] = 1, [4] = 1, [5] = 2 },
            "task" => new() { [2] = 0, [3] = 0, [4] = 0, [7] = 0, [5] = 1, [6] = 2 },
            "appointment" => new() { [1] = 0, [2] = 0, [3] = 1, [4] = 2, [5] = 3, [6] = 3 },
            _ => new() { [1] = 0, [2] = 1, [4] = 1, [3] = 2 },
        };

        /// <summary>A user- or team-owned table: ownership, audit stamps, state and status like every Dataverse table.</summary>
        private static TableMetadata Owned(string name, string primaryKey, params ColumnMetadata[] columns) =>
            Table(name, primaryKey, columns.Concat(new[]
            {
                Lookup("ownerid", "systemuser", "team") with { Type = "owner" }, Lookup("owninguser", "systemuser"),
                Lookup("owningteam", "team"), Lookup("owningbusinessunit", "businessunit"),
                Column("statecode", "state"), Column("statuscode", "status"),
            }).ToArray());

        private static TableMetadata Table(string name, string primaryKey, params ColumnMetadata[] columns)
        {
            var system = new[]
            {
                Column(primaryKey, "primarykey"), Column("createdon", "datetime"), Column("modifiedon", "datetime"),
                Lookup("createdby", "systemuser"), Lookup("modifiedby", "systemuser"), Lookup("createdonbehalfby", "systemuser"),
                Lookup("modifiedonbehalfby", "systemuser"), Column("overriddencreatedon", "datetime"),
                Column("versionnumber", "bigint"), Column("importsequencenumber", "int"),
                Lookup("transactioncurrencyid", "transactioncurrency"), Column("exchangerate", "decimal"),
            };
            return new TableMetadata(name, system.Concat(columns).GroupBy(c => c.LogicalName).Select(g => g.Last()),
                Array.Empty<AlternateKeyMetadata>(), new Dictionary<int, int>());
        }

        private static ColumnMetadata Column(string name, string type) =>
            new(name, type, "none", null, null, null, null, Array.Empty<int>(), Array.Empty<string>(), null);

        private static ColumnMetadata Text(string name, int maxLength) => Column(name, "nvarchar") with { MaxLength = maxLength };

        /// <summary>A lookup; without targets it is polymorphic (regarding, note object, party) and any table's row will do.</summary>
        private static ColumnMetadata Lookup(string name, params string[] targets) => Column(name, "lookup") with { Targets = targets };

        /// <summary>A column of an N:N intersect table (systemuserroles, teammembership, a solution's N:N): Dataverse
        /// types it Uniqueidentifier, not Lookup, so a query returns the related row's id as a Guid.</summary>
        private static ColumnMetadata IntersectColumn(string name) => Column(name, "uniqueidentifier");

        private static ColumnMetadata PartyList(string name) => Column(name, "partylist");
    }
}
