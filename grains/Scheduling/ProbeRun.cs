using OrleansMonitor.Grains.Probes;

namespace OrleansMonitor.Grains.Scheduling;

/// <summary>What became of a probe handed to the <see cref="ProbeRunner"/>.</summary>
/// <param name="Result">The probe's result; null when it was <paramref name="Skipped"/>.</param>
/// <param name="StartedAt">When it started (after any wait for a slot); when it was given up, if skipped.</param>
/// <param name="Skipped">It waited longer than <see cref="ProbeLimitsOptions.MaxQueueWait"/> for a slot and never ran.</param>
public sealed record ProbeRun(ProbeResult? Result, DateTimeOffset StartedAt, bool Skipped);
