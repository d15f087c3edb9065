using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator;

namespace Taazeez.Crm.Portal.Tests.Infrastructure
{
    /// <summary>
    /// The two families of <see cref="TwoFamilies"/> created through the Dataverse emulator (Solution/src metadata, so
    /// every column, option value and lookup is checked as Dataverse checks it), and the permission plans run against it
    /// with RetrieveMultiple, as Power Pages adds a permission's scope to the query it sends.
    /// </summary>
    public sealed class EmulatedPortal
    {
        public EmulatedPortal()
        {
            // Storage and queries only: the question is which rows a permission's query reaches, not what plugins do.
            Emulator = DataverseEmulator.FromSolutionFolder(DataverseEmulator.FindSolutionFolder());
            Staff = Emulator.CreateService(Emulator.SystemUserId);
            Data = new TwoFamilies();
            foreach (var table in TwoFamilies.Tables)
            {
                foreach (var row in Data.Rows[table])
                {
                    Staff.Create(ToEntity(table, row));
                }
            }
        }

        public DataverseEmulator Emulator { get; }

        /// <summary>A staff caller (the back office that registered the families).</summary>
        public IOrganizationService Staff { get; }

        public TwoFamilies Data { get; }

        /// <summary>The ids of <paramref name="table"/> rows the plans reach when run through the emulator (the union over the
        /// permissions), queried as Power Pages queries: as its application user, for the signed-in contact.</summary>
        public ISet<Guid> Reached(string table, IEnumerable<QueryPlan> plans, Guid signedInContact)
        {
            var service = Emulator.CreatePortalService(signedInContact);
            var reached = new HashSet<Guid>();
            foreach (var plan in plans)
            {
                if (plan.Table != table)
                {
                    throw new ArgumentException(plan.PermissionName + " is a permission on " + plan.Table + ", not " + table, nameof(plans));
                }

                var fetch = plan.ToFetchXml().ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
                reached.UnionWith(service.RetrieveMultiple(new FetchExpression(fetch)).Entities.Select(e => e.Id));
            }

            return reached;
        }

        /// <summary>A row of <see cref="TwoFamilies"/> (ids and lookups as Guid, choices as int) as the SDK types its columns
        /// have in the solution: lookups become references to their target table, choices OptionSetValues.</summary>
        public Entity ToEntity(string table, IReadOnlyDictionary<string, object?> row)
        {
            var metadata = Emulator.Metadata.Tables[table];
            var primaryId = metadata.PrimaryIdColumn;
            var entity = new Entity(table, (Guid)row[primaryId]!);
            foreach (var (column, value) in row)
            {
                if (column == primaryId)
                {
                    continue;
                }

                if (!metadata.Columns.TryGetValue(column, out var definition))
                {
                    throw new InvalidOperationException(table + "." + column + " is not a column of the solution");
                }

                entity[column] = (definition.Type, value) switch
                {
                    ("lookup" or "customer" or "owner", Guid id) => new EntityReference(LookupTarget(table, column, definition.Targets, row), id),
                    ("picklist" or "state" or "status", int option) => new OptionSetValue(option),
                    _ => value,
                };
            }

            return entity;
        }

        private static string LookupTarget(string table, string column, IReadOnlyList<string> targets, IReadOnlyDictionary<string, object?> row)
        {
            if (targets.Count == 1)
            {
                return targets[0];
            }

            // A polymorphic lookup (the note's objectid) names its table in the row (objecttypecode).
            if (table == "annotation" && column == "objectid" && row.TryGetValue("objecttypecode", out var type) && type is string name)
            {
                return name;
            }

            throw new InvalidOperationException(table + "." + column + " has targets [" + string.Join(",", targets) + "]; the row does not say which");
        }
    }
}
