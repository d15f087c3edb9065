using System.Collections.Generic;

namespace Taazeez.Crm.Emulator.Metadata
{
    /// <summary>One column as the solution defines it: what the store must accept and reject.</summary>
    public sealed record ColumnMetadata(
        string LogicalName,
        string Type,
        string RequiredLevel,
        int? MaxLength,
        decimal? MinValue,
        decimal? MaxValue,
        string? OptionSetName,
        IReadOnlyCollection<int> OptionValues,
        IReadOnlyList<string> Targets,
        string? AutoNumberFormat)
    {
        public bool IsSystemRequired => RequiredLevel == "systemrequired";
    }

    public sealed record AlternateKeyMetadata(string LogicalName, IReadOnlyList<string> Columns);

    /// <summary>A 1:N (referencing/referenced) or N:N (first/second entity, intersect) relationship.</summary>
    public sealed record RelationshipMetadata(
        string SchemaName,
        bool IsManyToMany,
        string ReferencingEntity,
        string ReferencedEntity,
        string? ReferencingAttribute,
        string CascadeDelete,
        string? IntersectEntity);
}
