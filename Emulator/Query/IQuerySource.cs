using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Metadata;

namespace Taazeez.Crm.Emulator.Query
{
    /// <summary>What the query engine reads: table metadata and the stored rows. The store implements it; the engine
    /// never writes, and it copies every row it returns so callers cannot reach the store by reference.</summary>
    public interface IQuerySource
    {
        /// <summary>The table's metadata, or null when the table does not exist.</summary>
        TableMetadata? Table(string logicalName);

        /// <summary>Every row of the table (stored instances: read them, never hand them out).</summary>
        IEnumerable<Entity> Rows(string logicalName);

        /// <summary>Rows whose column equals the value through an index (primary key, lookup or alternate-key column),
        /// or null when the column has no index and the caller must scan. The engine passes the value normalised:
        /// Guid for primary key and lookup columns (never an EntityReference), int for choice/whole-number columns,
        /// decimal for other numbers and money, string for text (Dataverse matches text case-insensitively). The
        /// engine re-applies the whole filter to what comes back, so an index may return a superset.</summary>
        IEnumerable<Entity>? RowsWhereEquals(string logicalName, string column, object value);

        /// <summary>How many rows RowsWhereEquals would return, without gathering them, or null when the column has
        /// no index: lets the engine start from the most selective of several indexed conditions.</summary>
        int? CountWhereEquals(string logicalName, string column, object value) => null;
    }
}
