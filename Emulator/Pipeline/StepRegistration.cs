using System;
using System.Collections.Generic;
using System.Linq;

namespace Taazeez.Crm.Emulator.Pipeline
{
    /// <summary>An entity image a step asks for: pre (0), post (1) or both (2), with the columns it holds (all when empty).</summary>
    public sealed record StepImage(string Alias, int ImageType, IReadOnlyList<string> Attributes)
    {
        public bool IsPre => ImageType is 0 or 2;
        public bool IsPost => ImageType is 1 or 2;
    }

    /// <summary>One SdkMessageProcessingStep as the solution registers it.</summary>
    public sealed record StepRegistration(
        Guid Id,
        string Name,
        string Message,
        string? PrimaryEntity,
        int Stage,
        bool IsAsync,
        int Rank,
        IReadOnlyCollection<string> FilteringAttributes,
        IReadOnlyList<StepImage> Images,
        string PluginTypeName,
        string? UnsecureConfiguration,
        string? SecureConfiguration)
    {
        /// <summary>An Update step fires only when the target carries one of its filtering attributes (all when none set).</summary>
        public bool FiresFor(IEnumerable<string> changedColumns)
        {
            if (FilteringAttributes.Count == 0) return true;
            foreach (var column in changedColumns)
                if (FilteringAttributes.Contains(column)) return true;
            return false;
        }
    }

    /// <summary>A Custom API: its message name, the plugin type that implements it, its parameters and response properties.</summary>
    public sealed record CustomApiRegistration(
        string UniqueName,
        string? PluginTypeName,
        string? BoundEntity,
        IReadOnlyList<CustomApiParameter> RequestParameters,
        IReadOnlyList<CustomApiParameter> ResponseProperties);

    /// <summary>Type codes as Dataverse numbers them: 0 Boolean, 1 DateTime, 2 Decimal, 3 Entity, 4 EntityCollection,
    /// 5 EntityReference, 6 Float, 7 Integer, 8 Money, 9 Picklist, 10 String, 11 StringArray, 12 Guid.</summary>
    public sealed record CustomApiParameter(string UniqueName, int Type, bool IsOptional);
}
