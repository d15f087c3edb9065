namespace Taazeez.Crm.WorkflowActivities.Notifications
{
    /// <summary>What a provider reports for one SMS; stored on the taz_smsmessage row.</summary>
    public sealed class SmsSendResult
    {
        public SmsSendResult(string deliveryStatus, string? providerMessageId)
        {
            DeliveryStatus = deliveryStatus;
            ProviderMessageId = providerMessageId;
        }

        public string DeliveryStatus { get; }
        public string? ProviderMessageId { get; }
    }

    /// <summary>A gateway that delivers SMS. Real gateways run outside the sandbox (e.g. a Power Automate flow
    /// reading taz_smsmessage rows whose status is "Recorded"), so the plugin side only records.</summary>
    public interface ISmsProvider
    {
        string Name { get; }
        SmsSendResult Send(string mobile, string text);
    }

    /// <summary>Default provider: records the message and sends nothing.</summary>
    public sealed class RecordOnlySmsProvider : ISmsProvider
    {
        public const string ProviderName = "record-only";
        public const string RecordedStatus = "Recorded";

        public string Name => ProviderName;

        public SmsSendResult Send(string mobile, string text) => new SmsSendResult(RecordedStatus, null);
    }
}
