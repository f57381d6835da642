using System.Diagnostics.CodeAnalysis;

namespace OrleansMonitor.Grains.Probes;

/// <summary>Picks the <see cref="IProbe"/> for a monitor type among the registered probes (one per type).</summary>
public sealed class ProbeCatalog
{
    private readonly Dictionary<MonitorType, IProbe> _probes = [];

    /// <exception cref="ArgumentException">Two probes claim the same type.</exception>
    public ProbeCatalog(IEnumerable<IProbe> probes)
    {
        ArgumentNullException.ThrowIfNull(probes);
        foreach (var probe in probes)
        {
            if (!_probes.TryAdd(probe.Type, probe))
            {
                throw new ArgumentException($"More than one probe is registered for monitor type {probe.Type}.", nameof(probes));
            }
        }
    }

    public IReadOnlyCollection<MonitorType> Types => _probes.Keys;

    public bool TryGet(MonitorType type, [NotNullWhen(true)] out IProbe? probe) => _probes.TryGetValue(type, out probe);

    /// <exception cref="InvalidOperationException">No probe handles <paramref name="type"/>.</exception>
    public IProbe For(MonitorType type) =>
        TryGet(type, out var probe) ? probe : throw new InvalidOperationException($"No probe is registered for monitor type {type}.");

    /// <summary>Runs the probe for <see cref="ProbeRequest.Type"/>.</summary>
    public Task<ProbeResult> RunAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return For(request.Type).RunAsync(request, cancellationToken);
    }
}
