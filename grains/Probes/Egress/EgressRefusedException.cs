namespace OrleansMonitor.Grains.Probes.Egress;

/// <summary>
/// Thrown by the HTTP probe's connect callback when the egress policy refuses every address of the host; the handler wraps it
/// in an <see cref="HttpRequestException"/> and the probe reports its message. Nothing is sent to a refused address.
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
