using System.ComponentModel;

namespace OrleansMonitor.ApiHost.Health.Responses;

/// <summary>The probe slots of every answering silo, summed.</summary>
public sealed record ProbeSlotsStatus(
    [property: Description("Probes that may run at once.")] long MaxInFlight,
    [property: Description("Probes running now.")] long InFlight,
    [property: Description("Probes waiting for a slot.")] long Waiting,
    [property: Description("Probes that had to wait for a slot before they started.")] long Delayed,
    [property: Description("Probes that waited too long and never ran.")] long Skipped);
