using System;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Emulator.Store
{
    /// <summary>One comparable form for a stored or queried value, so an index built from stored values answers a
    /// condition written with a Guid, an EntityReference, an OptionSetValue or a string in any case.</summary>
    internal static class IndexKey
    {
        public static object? Of(object? value) => value switch
        {
            null => null,
            EntityReference reference => reference.Id,
            OptionSetValue option => option.Value,
            Money money => money.Value,
            string text when Guid.TryParse(text, out var id) => id,
            string text => text.ToUpperInvariant(),
            _ => value,
        };
    }
}
