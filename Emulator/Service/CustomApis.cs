using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Pipeline;

namespace Taazeez.Crm.Emulator.Service
{
    /// <summary>Custom APIs: the request is checked against the API's parameters, then its plugin type runs as the
    /// main operation (stage 30) and its OutputParameters become the response.</summary>
    internal static class CustomApis
    {
        public static void CheckParameters(CustomApiRegistration api, ParameterCollection parameters)
        {
            foreach (var name in parameters.Keys)
                if (api.RequestParameters.All(p => p.UniqueName != name) && !(api.BoundEntity != null && name == "Target"))
                    throw DataverseFaults.Create(DataverseFaults.InvalidArgument,
                        $"The parameter '{name}' is not a request parameter of {api.UniqueName}.");
            foreach (var parameter in api.RequestParameters)
            {
                var present = parameters.TryGetValue(parameter.UniqueName, out var value) && value != null;
                if (!present && !parameter.IsOptional)
                    throw DataverseFaults.Create(DataverseFaults.InvalidArgument,
                        $"Required field '{parameter.UniqueName}' is missing");
                if (present && !HasType(parameter.Type, value!))
                    throw DataverseFaults.Create(DataverseFaults.InvalidArgument,
                        $"The parameter '{parameter.UniqueName}' of {api.UniqueName} expects type {TypeName(parameter.Type)}, not {value!.GetType().Name}.");
            }
        }

        public static void Execute(CustomApiRegistration api, Invocation invocation, Organization org)
        {
            if (api.PluginTypeName == null) return; // an API without a main operation is served by its steps only
            PluginRunner.Run(org, api.PluginTypeName, null, null, new ExecutionContext(invocation, 30, false, invocation.Caller.ParentContext));
            foreach (var property in api.ResponseProperties)
                if (invocation.Response.Results.TryGetValue(property.UniqueName, out var value) && value != null && !HasType(property.Type, value))
                    throw DataverseFaults.Create(DataverseFaults.InvalidArgument,
                        $"The response property '{property.UniqueName}' of {api.UniqueName} expects type {TypeName(property.Type)}, not {value.GetType().Name}.");
        }

        private static bool HasType(int type, object value) => type switch
        {
            0 => value is bool,
            1 => value is DateTime,
            2 => value is decimal,
            3 => value is Entity,
            4 => value is EntityCollection,
            5 => value is EntityReference,
            6 => value is double or float,
            7 => value is int,
            8 => value is Money,
            9 => value is OptionSetValue,
            10 => value is string,
            11 => value is string[],
            12 => value is Guid,
            _ => true,
        };

        private static string TypeName(int type) => type switch
        {
            0 => "Boolean", 1 => "DateTime", 2 => "Decimal", 3 => "Entity", 4 => "EntityCollection", 5 => "EntityReference",
            6 => "Float", 7 => "Integer", 8 => "Money", 9 => "Picklist", 10 => "String", 11 => "StringArray", 12 => "Guid",
            _ => type.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
