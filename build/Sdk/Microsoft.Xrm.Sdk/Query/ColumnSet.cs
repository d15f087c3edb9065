using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    /// <summary>Which columns a query returns: all of them, or the named ones.</summary>
    public sealed class ColumnSet : IExtensibleDataObject
    {
        private DataCollection<string> _columns = new DataCollection<string>();

        public ColumnSet() { }

        public ColumnSet(bool allColumns) { AllColumns = allColumns; }

        public ColumnSet(params string[] columns) { _columns.AddRange(columns); }

        public bool AllColumns { get; set; }

        public DataCollection<string> Columns
        {
            get => _columns;
            set => _columns = value ?? new DataCollection<string>();
        }

        public ExtensionDataObject ExtensionData { get; set; }

        public void AddColumns(params string[] columns) => _columns.AddRange(columns);

        public void AddColumn(string column) => _columns.Add(column);
    }
}
