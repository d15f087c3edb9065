using System;

// The attributes that describe a custom workflow activity's arguments to the process designer.
namespace Microsoft.Xrm.Sdk.Workflow
{
    [AttributeUsage(AttributeTargets.Property)]
    public abstract class ParameterAttribute : Attribute
    {
        internal ParameterAttribute(string name) { Name = name; }

        public string Name { get; }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class InputAttribute : ParameterAttribute
    {
        public InputAttribute(string name) : base(name) { }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class OutputAttribute : ParameterAttribute
    {
        public OutputAttribute(string name) : base(name) { }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ReferenceTargetAttribute : Attribute
    {
        public ReferenceTargetAttribute(string entityName) { EntityName = entityName; }

        public string EntityName { get; }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class AttributeTargetAttribute : Attribute
    {
        public AttributeTargetAttribute(string entityName, string attributeName)
        {
            EntityName = entityName;
            AttributeName = attributeName;
        }

        public string EntityName { get; }
        public string AttributeName { get; }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DefaultAttribute : Attribute
    {
        public DefaultAttribute(string value) { Value = value; }

        public DefaultAttribute(string value, string entityName)
        {
            Value = value;
            EntityName = entityName;
        }

        public string EntityName { get; }
        public string Value { get; }
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ArgumentRequiredAttribute : Attribute, IWorkflowArgument
    {
        public ArgumentRequiredAttribute() { }
        public ArgumentRequiredAttribute(bool value) { Value = value; }

        public bool Value { get; set; }
        public object ArgumentValue => Value;
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ArgumentEntityAttribute : Attribute, IWorkflowArgument
    {
        public ArgumentEntityAttribute() { }
        public ArgumentEntityAttribute(string value) { Value = value; }

        public string Value { get; set; }
        public object ArgumentValue => Value;
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ArgumentDescriptionAttribute : Attribute, IWorkflowArgument
    {
        public ArgumentDescriptionAttribute() { }
        public ArgumentDescriptionAttribute(string value) { Value = value; }

        public string Value { get; set; }
        public object ArgumentValue => Value;
    }
}
