using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>The value of a choice column. Equal when the numbers are equal.</summary>
    public sealed class OptionSetValue : IExtensibleDataObject
    {
        public OptionSetValue() { }
        public OptionSetValue(int value) { Value = value; }

        public int Value { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj) => obj is OptionSetValue other && other.Value == Value;
        public override int GetHashCode() => Value.GetHashCode();
    }

    /// <summary>The value of a currency column. Equal when the amounts are equal.</summary>
    public sealed class Money : IExtensibleDataObject
    {
        public Money() { }
        public Money(decimal value) { Value = value; }

        public decimal Value { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj) => obj is Money other && other.Value == Value;
        public override int GetHashCode() => Value.GetHashCode();
    }

    /// <summary>A column value returned from a linked table or an aggregate.</summary>
    public sealed class AliasedValue : IExtensibleDataObject
    {
        public AliasedValue() { }

        public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
        {
            EntityLogicalName = entityLogicalName;
            AttributeLogicalName = attributeLogicalName;
            Value = value;
        }

        public string AttributeLogicalName { get; private set; }
        public string EntityLogicalName { get; private set; }
        public object Value { get; private set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    public sealed class Relationship : IExtensibleDataObject
    {
        public Relationship() { }
        public Relationship(string schemaName) { SchemaName = schemaName; }

        public string SchemaName { get; set; }
        public EntityRole? PrimaryEntityRole { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj) =>
            obj is Relationship other && other.SchemaName == SchemaName && other.PrimaryEntityRole == PrimaryEntityRole;

        public override int GetHashCode() => (SchemaName?.GetHashCode() ?? 0) ^ PrimaryEntityRole.GetHashCode();
        public override string ToString() => SchemaName;
    }

    public enum EntityRole
    {
        Referencing = 0,
        Referenced = 1,
    }

    public enum EntityState
    {
        Unchanged = 0,
        Created = 1,
        Changed = 2,
    }

    public enum ConcurrencyBehavior
    {
        Default = 0,
        IfRowVersionMatches = 1,
        AlwaysOverwrite = 2,
    }

    public enum OperationStatus
    {
        Failed = 0,
        Canceled = 1,
        Retry = 2,
        Suspended = 3,
        Succeeded = 4,
    }

    public enum PluginHttpStatusCode
    {
        NotSet = 0,
        BadRequest = 400,
        Unauthorized = 401,
        Forbidden = 403,
        NotFound = 404,
        MethodNotAllowed = 405,
        RequestTimeout = 408,
        Conflict = 409,
        Gone = 410,
        PreconditionFailed = 412,
        RequestEntityTooLarge = 413,
        ExpectationFailed = 417,
        FailedDependency = 424,
        TooManyRequests = 429,
        InternalServerError = 500,
        BadGateway = 502,
        ServiceUnavailable = 503,
        GatewayTimeout = 504,
    }
}
