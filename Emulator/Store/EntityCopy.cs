using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Emulator.Store
{
    /// <summary>Deep copies of entities and their values. The SDK's value types are mutable classes (an
    /// EntityReference's Name, an OptionSetValue's Value), so a copy shares none of them with the store.</summary>
    internal static class EntityCopy
    {
        /// <summary>The row's attributes (all, or these columns), RowVersion and EntityState. Key attributes and
        /// formatted values are not copied: stored rows never hold them (see <see cref="WithKeys"/> for a request's
        /// target), and reading them would make the empty collections on the source.</summary>
        public static Entity Of(Entity source, IEnumerable<string>? columns = null)
        {
            var copy = new Entity(source.LogicalName, source.Id) { RowVersion = source.RowVersion, EntityState = source.EntityState };
            var wanted = columns as ICollection<string> ?? columns?.ToHashSet();
            if (wanted != null && wanted.Count < source.Attributes.Count)
            {
                // A few columns of a wide row: look them up rather than walk the row.
                foreach (var name in wanted)
                    if (source.Attributes.TryGetValue(name, out var value))
                        copy.Attributes[name] = Value(value);
            }
            else
                foreach (var pair in source.Attributes)
                    if (wanted == null || wanted.Contains(pair.Key))
                        copy.Attributes[pair.Key] = Value(pair.Value);
            return copy;
        }

        /// <summary>A caller's entity addressed by alternate key (Update or Upsert without an id): the copy keeps the
        /// key attributes too.</summary>
        public static Entity WithKeys(Entity source)
        {
            var copy = Of(source);
            foreach (var pair in source.KeyAttributes) copy.KeyAttributes[pair.Key] = Value(pair.Value)!;
            return copy;
        }

        public static object? Value(object? value) => value switch
        {
            EntityReference r => new EntityReference(r.LogicalName, r.Id) { Name = r.Name },
            OptionSetValue o => new OptionSetValue(o.Value),
            Money m => new Money(m.Value),
            OptionSetValueCollection c => new OptionSetValueCollection(c.Select(o => new OptionSetValue(o.Value)).ToList()),
            EntityCollection c => new EntityCollection(c.Entities.Select(e => Of(e)).ToList()) { EntityName = c.EntityName },
            AliasedValue a => new AliasedValue(a.EntityLogicalName, a.AttributeLogicalName, Value(a.Value)),
            Entity e => Of(e),
            _ => value,
        };
    }
}
