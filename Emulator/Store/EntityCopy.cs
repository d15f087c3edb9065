using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Emulator.Store
{
    /// <summary>Deep copies of entities and their values. The SDK's value types are mutable classes (an
    /// EntityReference's Name, an OptionSetValue's Value), so a copy shares none of them with the store.</summary>
    internal static class EntityCopy
    {
        public static Entity Of(Entity source, IEnumerable<string>? columns = null)
        {
            var copy = new Entity(source.LogicalName, source.Id) { RowVersion = source.RowVersion, EntityState = source.EntityState };
            var wanted = columns as ICollection<string> ?? columns?.ToHashSet();
            foreach (var pair in source.Attributes)
                if (wanted == null || wanted.Contains(pair.Key))
                    copy.Attributes[pair.Key] = Value(pair.Value);
            foreach (var pair in source.KeyAttributes) copy.KeyAttributes[pair.Key] = Value(pair.Value)!;
            foreach (var pair in source.FormattedValues) copy.FormattedValues[pair.Key] = pair.Value;
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
