using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A message to the organization service; typed requests keep their values in Parameters.</summary>
    public class OrganizationRequest : IExtensibleDataObject
    {
        private ParameterCollection _parameters = new ParameterCollection();

        public OrganizationRequest() { }

        public OrganizationRequest(string requestName) { RequestName = requestName; }

        public string RequestName { get; set; }

        public object this[string parameterName]
        {
            get => _parameters[parameterName];
            set => _parameters[parameterName] = value;
        }

        public ParameterCollection Parameters
        {
            get => _parameters;
            set => _parameters = value ?? new ParameterCollection();
        }

        public Guid? RequestId { get; set; }
        public ExtensionDataObject ExtensionData { get; set; }
    }

    /// <summary>The answer to a request; typed responses read their values from Results.</summary>
    public class OrganizationResponse : IExtensibleDataObject
    {
        private ParameterCollection _results = new ParameterCollection();

        public OrganizationResponse() { }

        public string ResponseName { get; set; }

        public object this[string parameterName]
        {
            get => _results[parameterName];
            set => _results[parameterName] = value;
        }

        public ParameterCollection Results
        {
            get => _results;
            set => _results = value ?? new ParameterCollection();
        }

        public ExtensionDataObject ExtensionData { get; set; }

    }
}
