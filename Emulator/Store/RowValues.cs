using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Emulator.Store
{
    /// <summary>Makes the values a stored row holds. Stored values are never changed in place and never leave the
    /// store (callers get EntityCopy copies), so rows, and the versions of one row, share them: one EntityReference
    /// per referenced row, one OptionSetValue per option value, one box per boolean. A simulation's rows point at the
    /// same users, business unit, requests and options over and over; sharing keeps a row to its own data.</summary>
    internal sealed class RowValues
    {
        private static readonly object True = true, False = false;
        private readonly Dictionary<Guid, EntityReference> _references = new();
        private readonly Dictionary<int, OptionSetValue> _options = new();

        public object? Of(object? value) => value switch
        {
            // a reference that carries a display name keeps its own copy (Dataverse stores only the id; the name a
            // caller wrote is what the emulator gives back)
            EntityReference { Name: null, LogicalName: not null } r => Reference(r.LogicalName, r.Id),
            OptionSetValue o => Option(o.Value),
            bool b => b ? True : False,
            _ => EntityCopy.Value(value),
        };

        public EntityReference Reference(string logicalName, Guid id)
        {
            if (_references.TryGetValue(id, out var shared) && shared.LogicalName == logicalName) return shared;
            var reference = new EntityReference(logicalName, id);
            _references[id] = reference;
            return reference;
        }

        public OptionSetValue Option(int value)
        {
            if (!_options.TryGetValue(value, out var shared)) _options[value] = shared = new OptionSetValue(value);
            return shared;
        }
    }
}
