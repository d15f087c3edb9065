using System;
using System.Collections.Generic;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace Taazeez.Crm.Emulator.Faults
{
    /// <summary>The faults Dataverse raises for bad requests, with its error codes and its wording, so a test that
    /// passes here fails the same way against a real environment.</summary>
    public static class DataverseFaults
    {
        public const int ObjectDoesNotExist = unchecked((int)0x80040217);
        public const int InvalidArgument = unchecked((int)0x80040203);
        public const int QueryBuilderNoEntity = unchecked((int)0x80041102);
        public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);
        public const int StringLengthTooLong = unchecked((int)0x80044331);
        public const int InvalidOptionSetValue = unchecked((int)0x8004431a);
        public const int ValueOutOfRange = unchecked((int)0x80044330);
        public const int DuplicateRecord = unchecked((int)0x80040237);
        public const int DuplicateRecordEntityKey = unchecked((int)0x80060892);
        public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);
        public const int ConcurrencyVersionNotProvided = unchecked((int)0x80060883);
        public const int PrivilegeDenied = unchecked((int)0x80040220);
        public const int MaxDepthExceeded = unchecked((int)0x80044182);
        public const int UnrecognizedRequest = unchecked((int)0x80040203);
        public const int InvalidFetchXml = unchecked((int)0x8004111c);
        public const int AggregateQueryRecordLimitExceeded = unchecked((int)0x8004e023);

        public static FaultException<OrganizationServiceFault> Create(int code, string message, IDictionary<string, object>? details = null)
        {
            var fault = new OrganizationServiceFault { ErrorCode = code, Message = message, Timestamp = DateTime.UtcNow };
            if (details != null)
                foreach (var pair in details) fault.ErrorDetails[pair.Key] = pair.Value;
            return new FaultException<OrganizationServiceFault>(fault, new FaultReason(message));
        }

        public static FaultException<OrganizationServiceFault> NoEntity(string table) =>
            Create(QueryBuilderNoEntity, $"The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache.");

        public static FaultException<OrganizationServiceFault> NoAttribute(string table, string column) =>
            Create(QueryBuilderNoAttribute, $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");

        public static FaultException<OrganizationServiceFault> DoesNotExist(string table, Guid id) =>
            Create(ObjectDoesNotExist, $"{table} With Id = {id} Does Not Exist");

        public static FaultException<OrganizationServiceFault> InvalidFetch(string reason) =>
            Create(InvalidFetchXml, $"Invalid FetchXml: {reason}");

        /// <summary>A condition value that cannot be the column's type (e.g. "abc" for a choice column).</summary>
        public static FaultException<OrganizationServiceFault> InvalidConditionValue(string table, string column, string type, string value) =>
            Create(InvalidArgument, $"Condition for attribute '{table}.{column}': '{value}' is not a valid value for a column of type '{type}'.");

        /// <summary>A malformed query (wrong number of condition values, top with paging, missing names...).</summary>
        public static FaultException<OrganizationServiceFault> InvalidQuery(string reason) => Create(InvalidArgument, reason);

        /// <summary>A condition or order names an entity alias that no link-entity of the query carries.</summary>
        public static FaultException<OrganizationServiceFault> NoAlias(string alias) =>
            Create(QueryBuilderNoEntity, $"No entity or link-entity with the name or alias '{alias}' is part of the query.");

        /// <summary>A valid Dataverse query feature the emulator does not implement: fail loudly rather than answer wrongly.</summary>
        public static FaultException<OrganizationServiceFault> NotSupportedByEmulator(string feature) =>
            Create(InvalidArgument, $"The Dataverse emulator does not support {feature}.");

        public static FaultException<OrganizationServiceFault> AggregateQueryRecordLimit() =>
            Create(AggregateQueryRecordLimitExceeded, "AggregateQueryRecordLimit exceeded. Cannot perform this operation.");
    }
}
