using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Taazeez.Crm.Emulator.Query;

namespace Taazeez.Crm.Emulator.Tests.Query
{
    /// <summary>Shared clock, caller and option values for the query tests.</summary>
    internal static class QueryTestKit
    {
        public static readonly DateTime Now = new(2026, 3, 15, 10, 0, 0, DateTimeKind.Utc);
        public static readonly Guid Caller = Guid.Parse("11111111-1111-1111-1111-111111111111");
        public const int ChannelInPerson = 826000001;
        public const int ChannelPhone = 826000002;
        public const int ChannelSocial = 826000003;
        public const int SupportFinancial = 826000001;
        public const int SupportFood = 826000002;
        public const int Jazan = 826000001;
        public const int Sabya = 826000002;

        public static EntityCollection Run(InMemoryQuerySource source, QueryBase query, Guid? caller = null) =>
            QueryEngine.Execute(query, source, Now, caller ?? Caller);

        public static EntityCollection Fetch(InMemoryQuerySource source, string fetchXml) => Run(source, new FetchExpression(fetchXml));

        public static OrganizationServiceFault Fault(Action action)
        {
            var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(action);
            return fault.Detail;
        }

        public static Entity Beneficiary(InMemoryQuerySource source, string name, int governorate, string nationalId) =>
            source.Add(new Entity("taz_beneficiary")
            {
                ["taz_name"] = name,
                ["taz_governorate"] = new OptionSetValue(governorate),
                ["taz_nationalid"] = nationalId,
                ["statecode"] = new OptionSetValue(0),
            });

        public static Entity Request(InMemoryQuerySource source, string name, Entity? beneficiary, int channel, decimal amount, DateTime submittedOn) =>
            source.Add(new Entity("taz_supportrequest")
            {
                ["taz_name"] = name,
                ["taz_beneficiaryid"] = beneficiary?.ToEntityReference(),
                ["taz_channel"] = new OptionSetValue(channel),
                ["taz_supporttype"] = new OptionSetValue(SupportFinancial),
                ["taz_amountrequested"] = new Money(amount),
                ["taz_submittedon"] = submittedOn,
                ["statecode"] = new OptionSetValue(0),
                ["ownerid"] = new EntityReference("systemuser", Caller),
            });
    }
}
