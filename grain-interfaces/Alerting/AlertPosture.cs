namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>How well a workspace's incidents reach people, as one caller sees it.</summary>
/// <param name="Projects">Projects the caller sees.</param>
/// <param name="RoutedProjects">Those whose incidents alert someone: an escalation step, or a workspace rule covering them.</param>
/// <param name="EmailRuleEnabled">Whether the workspace's email rule is on with recipients.</param>
/// <param name="SmsRuleEnabled">Whether the workspace's SMS rule is on with recipients.</param>
/// <param name="Deliveries">The recent deliveries.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.AlertPosture")]
public sealed record AlertPosture(
    [property: Id(0)] int Projects,
    [property: Id(1)] int RoutedProjects,
    [property: Id(2)] bool EmailRuleEnabled,
    [property: Id(3)] bool SmsRuleEnabled,
    [property: Id(4)] DeliveryActivity Deliveries);
