using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>One escalation step; <see cref="SecretSet"/> says whether a secret is stored without showing it.</summary>
public sealed record EscalationStepView(int DelayMinutes, string Channel, string Destination, bool SecretSet, bool HighPriority)
{
    public static EscalationStepView Of(EscalationStep step) =>
        new(step.DelayMinutes, ChannelNames.Of(step.Channel), step.Destination, step.Secret is not null, step.HighPriority);
}
