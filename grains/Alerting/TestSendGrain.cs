using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// Test-sends: the project's escalation destinations or SMS recipients are read from their grains, one test alert per
/// destination is recorded in the outbox (due at once, past quiet hours: a test is asked for now), the sender is woken
/// and the deliveries' ids are answered.
/// </summary>
[StatelessWorker]
[GrainType("testsend")]
public sealed class TestSendGrain(DeliveryOutbox outbox, DeliverySender sender, TimeProvider time) : Grain, ITestSendGrain
{
    public async Task<TestSendOutcome> SendProjectTestAsync(WorkspaceAccess caller, Guid projectId)
    {
        EnsureOfThisWorkspace(caller);
        var outcome = await GrainFactory.GetGrain<IWorkspaceGrain>(caller.WorkspaceId).GetAlertSettingsAsync(caller, projectId);
        if (outcome.Settings is not { } settings)
        {
            return TestSendOutcome.Missing;
        }

        var now = time.GetUtcNow();
        var destinations = settings.Escalation
            .Select(step => step.Destination == EscalationStep.OnCall
                ? OnCallRotation.Current(settings.OnCall, settings.TimeZone, now) is { } member ? new NotifiedRecipient(step.Channel, member, step.Secret) : null
                : new NotifiedRecipient(step.Channel, step.Destination, step.Secret))
            .OfType<NotifiedRecipient>()
            .ToArray();
        return destinations.Length == 0
            ? TestSendOutcome.Refused("escalation", "the project has no escalation step to test")
            : await QueueAsync(caller.WorkspaceId, destinations, "Test alert from OrleansMonitor", now);
    }

    public async Task<TestSendOutcome> SendSmsTestAsync(WorkspaceAccess caller, string? to)
    {
        EnsureOfThisWorkspace(caller);
        string[] numbers;
        if (to is not null)
        {
            var number = to.Trim();
            if (!PhoneNumber.IsValid(number))
            {
                return TestSendOutcome.Refused("to", "to must be a phone number in E.164 form (+15551234567)");
            }

            numbers = [number];
        }
        else
        {
            var rule = await GrainFactory.GetGrain<IAlertRulesGrain>(caller.WorkspaceId).GetAsync(caller, ChannelKind.Sms);
            numbers = [.. rule.Recipients];
            if (numbers.Length == 0)
            {
                return TestSendOutcome.Refused("to", "the SMS rule has no recipient: save one or name the number to test");
            }
        }

        return await QueueAsync(caller.WorkspaceId, [.. numbers.Select(n => new NotifiedRecipient(ChannelKind.Sms, n, null))], "Test SMS from OrleansMonitor", time.GetUtcNow());
    }

    private async Task<TestSendOutcome> QueueAsync(Guid workspaceId, IReadOnlyList<NotifiedRecipient> destinations, string title, DateTimeOffset now)
    {
        var test = new AlertEvent(AlertEventKind.Test, workspaceId, null, null, title, string.Empty, string.Empty, "This is a test: nothing is down.", now);
        var deliveries = AlertPlanner.ForTest(test, destinations, Guid.CreateVersion7(now));
        await outbox.EnqueueManyAsync(deliveries);
        sender.Wake();
        var recorded = await outbox.ForKeysAsync(workspaceId, [.. deliveries.Select(d => d.IdempotencyKey)]);
        return new TestSendOutcome([.. recorded.OrderBy(r => r.Id).Select(r => r.Id)]);
    }

    private void EnsureOfThisWorkspace(WorkspaceAccess caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.WorkspaceId != this.GetPrimaryKey())
        {
            throw new ArgumentException($"The caller is of workspace {caller.WorkspaceId}, not {this.GetPrimaryKey()}", nameof(caller));
        }
    }
}
