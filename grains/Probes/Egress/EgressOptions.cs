namespace OrleansMonitor.Grains.Probes.Egress;

/// <summary>
/// Configuration section <c>Probes:Egress</c>: CIDR ranges probes may not (<see cref="Deny"/>) or may (<see cref="Allow"/>) connect to,
/// on top of <see cref="EgressPolicy.DefaultDeny"/>. Environment form: <c>Probes__Egress__Deny__0=10.0.0.0/8</c>.
/// </summary>
public sealed class EgressOptions
{
    public const string Section = "Probes:Egress";

    /// <summary>Ranges added to the default deny ranges; they always win, over <see cref="Allow"/> too.</summary>
    public List<string> Deny { get; set; } = [];

    /// <summary>Ranges lifted out of the default deny ranges (never out of <see cref="Deny"/>).</summary>
    public List<string> Allow { get; set; } = [];
}
