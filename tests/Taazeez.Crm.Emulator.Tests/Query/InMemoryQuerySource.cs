using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Metadata;
using Taazeez.Crm.Emulator.Query;

namespace Taazeez.Crm.Emulator.Tests.Query
{
    /// <summary>The smallest IQuerySource the engine can run on: a list of rows per table over the real solution
    /// metadata, with an index on primary keys, lookups and alternate-key columns. It counts scans and index
    /// lookups, and can refuse to scan a table, so tests can prove a key lookup does not scan.</summary>
    internal sealed class InMemoryQuerySource : IQuerySource
    {
        private static readonly Lazy<SolutionMetadata> SharedMetadata = new(() => SolutionMetadata.FromFolder(SolutionSrc));
        private readonly Dictionary<string, List<Entity>> _rows = new(StringComparer.Ordinal);

        public InMemoryQuerySource() { Metadata = SharedMetadata.Value; }

        public static string SolutionSrc => Path.Combine(RepoRoot(), "Solution", "src");
        public SolutionMetadata Metadata { get; }
        public HashSet<string> ScanForbidden { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, int> Scans { get; } = new(StringComparer.Ordinal);
        public int IndexLookups { get; private set; }

        public Entity Add(Entity row)
        {
            var table = Metadata.Tables[row.LogicalName];
            if (row.Id == Guid.Empty) row.Id = Guid.NewGuid();
            row[table.PrimaryIdColumn] = row.Id;
            if (!_rows.TryGetValue(row.LogicalName, out var list)) _rows[row.LogicalName] = list = new List<Entity>();
            list.Add(row);
            return row;
        }

        public IReadOnlyList<Entity> Stored(string table) => _rows.TryGetValue(table, out var list) ? list : new List<Entity>();

        public TableMetadata? Table(string logicalName) => Metadata.Tables.TryGetValue(logicalName, out var table) ? table : null;

        public IEnumerable<Entity> Rows(string logicalName)
        {
            if (ScanForbidden.Contains(logicalName)) throw new InvalidOperationException($"The query scanned {logicalName}.");
            Scans[logicalName] = Scans.TryGetValue(logicalName, out var n) ? n + 1 : 1;
            return Stored(logicalName);
        }

        public IEnumerable<Entity>? RowsWhereEquals(string logicalName, string column, object value)
        {
            var table = Metadata.Tables[logicalName];
            var indexed = column == table.PrimaryIdColumn
                || table.Columns.TryGetValue(column, out var c) && c.Type is "lookup" or "owner" or "customer"
                || table.AlternateKeys.Any(k => k.Columns.Contains(column));
            if (!indexed) return null;
            IndexLookups++;
            // A linear walk stands in for the store's dictionary; the engine's cost is what the tests measure.
            return Stored(logicalName).Where(r => Same(r.Attributes.TryGetValue(column, out var v) ? v : null, value)).ToList();
        }

        private static bool Same(object? stored, object value) => stored switch
        {
            EntityReference reference => value is Guid id && reference.Id == id,
            string text => value is string other && string.Equals(text, other, StringComparison.OrdinalIgnoreCase),
            null => false,
            _ => Equals(stored, value),
        };

        public static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Taazeez.Crm.sln"))) return dir.FullName;
            throw new InvalidOperationException("Taazeez.Crm.sln not found");
        }
    }
}
