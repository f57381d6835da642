namespace OrleansMonitor.Grains.Probes.Egress;

/// <summary>
/// Thrown by <see cref="EgressConnector"/> when the egress policy refuses every address of the host; an HTTP handler wraps it
/// in an <see cref="HttpRequestException"/> and the probe or alert channel reports its message. Nothing is sent to a refused address.
/// </summary>
public sealed class EgressRefusedException : Exception
{
    public EgressRefusedException()
        : this("Egress policy refuses the address")
    {
    }

    public EgressRefusedException(string message)
        : base(message)
    {
    }

    public EgressRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
