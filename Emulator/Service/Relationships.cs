using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Metadata;
using Taazeez.Crm.Emulator.Pipeline;

namespace Taazeez.Crm.Emulator.Service
{
    /// <summary>Associate/Disassociate over the solution's relationships, and the cascade of a delete.</summary>
    internal static class Relationships
    {
        public static void Apply(bool associate, EntityReference target, Relationship relationship, EntityReferenceCollection related,
            Invocation invocation, Organization org)
        {
            var metadata = org.Metadata.Relationships.FirstOrDefault(r => r.SchemaName == relationship.SchemaName)
                ?? throw DataverseFaults.Create(DataverseFaults.InvalidArgument,
                    $"The relationship '{relationship.SchemaName}' was not found in the metadata.");
            Require(target, org);
            foreach (var other in related)
            {
                Require(other, org);
                if (metadata.IsManyToMany) ManyToMany(associate, metadata, target, other, org);
                else OneToMany(associate, metadata, target, other, invocation, org);
            }
        }

        private static void ManyToMany(bool associate, RelationshipMetadata relationship, EntityReference a, EntityReference b, Organization org)
        {
            var (first, second) = a.LogicalName == relationship.ReferencedEntity ? (a, b) : (b, a);
            var intersect = relationship.IntersectEntity!;
            var firstColumn = relationship.ReferencedEntity + "id";
            var secondColumn = relationship.ReferencingEntity + "id";
            var existing = org.Store.RowsWhereEquals(intersect, firstColumn, first.Id)!
                .FirstOrDefault(r => r.GetAttributeValue<Guid>(secondColumn) == second.Id);
            if (associate)
            {
                if (existing != null)
                    throw DataverseFaults.Create(DataverseFaults.DuplicateRecord, "Cannot insert duplicate key.");
                var id = org.NewId();
                org.Store.Insert(new Entity(intersect, id)
                {
                    [intersect + "id"] = id,
                    [firstColumn] = first.Id,
                    [secondColumn] = second.Id,
                });
            }
            else if (existing != null)
                org.Store.Remove(intersect, existing.Id);
        }

        private static void OneToMany(bool associate, RelationshipMetadata relationship, EntityReference a, EntityReference b,
            Invocation invocation, Organization org)
        {
            var (parent, child) = a.LogicalName == relationship.ReferencedEntity ? (a, b) : (b, a);
            var update = new Entity(child.LogicalName, child.Id)
            {
                [relationship.ReferencingAttribute!] = associate ? new EntityReference(parent.LogicalName, parent.Id) : null,
            };
            org.Pipeline.Run(new Microsoft.Xrm.Sdk.Messages.UpdateRequest { Target = update }, invocation.Caller);
        }

        /// <summary>Children of a deleted row: Cascade deletes them, RemoveLink clears their lookup, Restrict refuses
        /// the delete; N:N intersect rows always go.</summary>
        public static void CascadeDelete(string table, Guid id, Organization org)
        {
            foreach (var relationship in org.Metadata.Relationships.Where(r => r.ReferencedEntity == table || r.ReferencingEntity == table))
            {
                if (relationship.IsManyToMany)
                {
                    var column = table + "id";
                    if (org.Store.Table(relationship.IntersectEntity!) == null) continue;
                    foreach (var link in org.Store.RowsWhereEquals(relationship.IntersectEntity!, column, id)?.ToList() ?? new())
                        org.Store.Remove(relationship.IntersectEntity!, link.Id);
                    continue;
                }
                if (relationship.ReferencedEntity != table || relationship.ReferencingAttribute == null
                    || org.Store.Table(relationship.ReferencingEntity) == null) continue;
                var children = org.Store.RowsWhereEquals(relationship.ReferencingEntity, relationship.ReferencingAttribute, id)?.ToList() ?? new();
                if (children.Count == 0) continue;
                switch (relationship.CascadeDelete)
                {
                    case "Cascade":
                        foreach (var child in children)
                        {
                            CascadeDelete(child.LogicalName, child.Id, org);
                            org.Store.Remove(child.LogicalName, child.Id);
                        }
                        break;
                    case "Restrict":
                        throw DataverseFaults.Create(DataverseFaults.InvalidArgument,
                            $"The record cannot be deleted because it is associated with {children.Count} {relationship.ReferencingEntity} record(s) through {relationship.SchemaName}.");
                    default:
                        foreach (var child in children)
                        {
                            var draft = org.Store.Draft(child.LogicalName, child.Id, from: child);
                            draft[relationship.ReferencingAttribute] = null;
                            org.Store.Update(child, draft);
                        }
                        break;
                }
            }
        }

        private static void Require(EntityReference reference, Organization org)
        {
            org.Store.RequireTable(reference.LogicalName);
            if (!org.Store.Exists(reference.LogicalName, reference.Id)) throw DataverseFaults.DoesNotExist(reference.LogicalName, reference.Id);
        }
    }
}
