using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>Thrown by a plugin to cancel the operation; its message is shown to the caller.</summary>
    [Serializable]
    public sealed class InvalidPluginExecutionException : Exception, ISerializable
    {
        private readonly Dictionary<string, string> _exceptionDetails = new Dictionary<string, string>();

        public InvalidPluginExecutionException() : this(OperationStatus.Failed, 0, null, PluginHttpStatusCode.NotSet) { }

        public InvalidPluginExecutionException(OperationStatus status) : this(status, 0, null, PluginHttpStatusCode.NotSet) { }

        public InvalidPluginExecutionException(string message) : this(OperationStatus.Failed, 0, message, PluginHttpStatusCode.NotSet) { }

        public InvalidPluginExecutionException(OperationStatus status, string message) : this(status, 0, message, PluginHttpStatusCode.NotSet) { }

        public InvalidPluginExecutionException(string message, Exception exception) : base(message, exception)
        {
            Status = OperationStatus.Failed;
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message)
            : this(status, errorCode, message, PluginHttpStatusCode.NotSet) { }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
            : this(OperationStatus.Failed, 0, message, httpStatus) { }

        public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus, Dictionary<string, string> exceptionDetails)
            : this(OperationStatus.Failed, 0, message, httpStatus)
        {
            CopyDetails(exceptionDetails);
        }

        public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
            : base(message)
        {
            Status = status;
            ErrorCode = errorCode;
            HttpStatus = httpStatus;
        }

        public InvalidPluginExecutionException(string message, Dictionary<string, string> exceptionDetails)
            : this(OperationStatus.Failed, 0, message, PluginHttpStatusCode.NotSet)
        {
            CopyDetails(exceptionDetails);
        }

        public InvalidPluginExecutionException(OperationStatus status, string message, Dictionary<string, string> exceptionDetails)
            : this(status, 0, message, PluginHttpStatusCode.NotSet)
        {
            CopyDetails(exceptionDetails);
        }

        private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context) : base(info, context)
        {
            Status = (OperationStatus)info.GetInt32(nameof(Status));
            ErrorCode = info.GetInt32(nameof(ErrorCode));
            HttpStatus = (PluginHttpStatusCode)info.GetInt32(nameof(HttpStatus));
        }

        public OperationStatus Status { get; }
        public int ErrorCode { get; }
        public PluginHttpStatusCode HttpStatus { get; }
        public IReadOnlyDictionary<string, string> ExceptionDetails => _exceptionDetails;

        public override void GetObjectData(SerializationInfo info, StreamingContext context)
        {
            base.GetObjectData(info, context);
            info.AddValue(nameof(Status), (int)Status);
            info.AddValue(nameof(ErrorCode), ErrorCode);
            info.AddValue(nameof(HttpStatus), (int)HttpStatus);
        }

        public override string ToString() => $"{GetType().FullName}: {Message} (Status {Status}, ErrorCode {ErrorCode})";

        private void CopyDetails(Dictionary<string, string> details)
        {
            if (details == null) return;
            foreach (var pair in details) _exceptionDetails[pair.Key] = pair.Value;
        }
    }
}
