namespace Microsoft.Xrm.Sdk.Workflow
{
    /// <summary>The execution context a custom workflow activity gets from CodeActivityContext.GetExtension.</summary>
    public interface IWorkflowContext : IExecutionContext
    {
        string StageName { get; }
        int WorkflowCategory { get; }
        int WorkflowMode { get; }
        IWorkflowContext ParentContext { get; }
    }

    public interface IWorkflowArgument
    {
        object ArgumentValue { get; }
    }
}
