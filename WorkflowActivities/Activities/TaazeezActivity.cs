using System;
using System.Activities;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace Taazeez.Crm.WorkflowActivities.Activities
{
    /// <summary>Shell shared by the activities: resolves the workflow services and hands them to the logic,
    /// which lives outside this folder so it is built and tested on net10.0 as well.</summary>
    public abstract class TaazeezActivity : CodeActivity
    {
        protected sealed override void Execute(CodeActivityContext executionContext)
        {
            var context = executionContext.GetExtension<IWorkflowContext>();
            var factory = executionContext.GetExtension<IOrganizationServiceFactory>();
            var trace = executionContext.GetExtension<ITracingService>();
            var service = factory.CreateOrganizationService(context.UserId);
            Run(executionContext, service, trace, context.OperationCreatedOn);
        }

        /// <param name="nowUtc">The workflow operation's creation time: business dates never use the machine clock.</param>
        protected abstract void Run(CodeActivityContext executionContext, IOrganizationService service, ITracingService trace, DateTime nowUtc);
    }
}
