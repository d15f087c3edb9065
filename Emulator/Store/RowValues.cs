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
            DateTime d when d == _now && _boxedNow != null => _boxedNow,
            EntityCollection parties => Parties(parties),
            _ => EntityCopy.Value(value),
        };

        /// <summary>The request's time, boxed once: every row and stamp one request (and its plugins) writes shares it.</summary>
        public object Now(DateTime now)
        {
            if (_boxedNow == null || now != _now)
            {
                _now = now;
                _boxedNow = now;
            }
            return _boxedNow;
        }

        private DateTime _now;
        private object? _boxedNow;

        /// <summary>A party list (an email's to, a phone call's from): its parties' values are shared like a row's.</summary>
        private EntityCollection Parties(EntityCollection source)
        {
            var copy = new EntityCollection { EntityName = source.EntityName };
            foreach (var party in source.Entities)
            {
                var stored = new Entity(party.LogicalName, party.Id);
                foreach (var pair in party.Attributes) stored.Attributes[pair.Key] = Of(pair.Value);
                copy.Entities.Add(stored);
            }
            return copy;
        }

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
