using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Taazeez.Crm.Emulator.Faults;
using Taazeez.Crm.Emulator.Service;

namespace Taazeez.Crm.Emulator.Pipeline
{
    /// <summary>Runs one plugin and turns what it throws into what the caller of Dataverse sees: a plugin's
    /// InvalidPluginExecutionException becomes a fault with its message, any other exception an "unexpected
    /// exception from plug-in" fault; a fault from a nested call passes through. Every run leaves a trace record.</summary>
    internal static class PluginRunner
    {
        public const int IsvAborted = unchecked((int)0x80040265);
        public const int UnexpectedPluginError = unchecked((int)0x80040224);

        public static void Run(Organization org, string pluginTypeName, string? unsecure, string? secure, ExecutionContext context)
        {
            var comma = pluginTypeName.IndexOf(',');
            var typeName = comma < 0 ? pluginTypeName : pluginTypeName.Substring(0, comma);
            var tracing = new TracingService();
            Exception? failure = null;
            try
            {
                org.Plugins.Get(pluginTypeName, unsecure, secure).Execute(new PluginServiceProvider(org, context, tracing));
            }
            catch (InvalidPluginExecutionException ex)
            {
                failure = ex;
                throw DataverseFaults.Create(IsvAborted, ex.Message);
            }
            catch (FaultException<OrganizationServiceFault> ex)
            {
                failure = ex;
                throw;
            }
            catch (Exception ex)
            {
                failure = ex;
                throw DataverseFaults.Create(UnexpectedPluginError,
                    $"Unexpected exception from plug-in (Execute): {typeName}: {ex.GetType().FullName}: {ex.Message}");
            }
            finally
            {
                if (org.KeepsTrace(failure != null))
                    org.RecordTrace(new PluginTraceRecord(typeName, context.MessageName, context.Invocation.EntityName,
                        context.Stage, context.Depth, context.Mode == 1, tracing.Text, failure));
            }
        }
    }
}
