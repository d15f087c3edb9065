using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    public abstract class BaseServiceFault : IExtensibleDataObject
    {
        private ErrorDetailCollection _errorDetails = new ErrorDetailCollection();

        public string Message { get; set; }
        public int ErrorCode { get; set; }
        public string HelpLink { get; set; }
        public DateTime Timestamp { get; set; }
        public Guid ActivityId { get; set; }

        public ErrorDetailCollection ErrorDetails
        {
            get => _errorDetails;
            set => _errorDetails = value ?? new ErrorDetailCollection();
        }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>The detail of a FaultException raised by the organization service.</summary>
    public class OrganizationServiceFault : BaseServiceFault, IExtensibleDataObject
    {
        public OrganizationServiceFault() { }

        public string TraceText { get; set; }
        public OrganizationServiceFault InnerFault { get; set; }

        public override string ToString() => $"OrganizationServiceFault 0x{ErrorCode:x8}: {Message}";
    }
}
