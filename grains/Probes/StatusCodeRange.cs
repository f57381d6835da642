namespace OrleansMonitor.Grains.Probes;

/// <summary>One inclusive span of HTTP status codes, with the text form it was written in.</summary>
/// <param name="First">The lowest code in the span.</param>
/// <param name="Last">The highest code in the span.</param>
/// <param name="Text">The normalized text: "200", "200-299" or "2xx".</param>
public readonly record struct StatusCodeRange(int First, int Last, string Text)
{
    public bool Contains(int code) => code >= First && code <= Last;
}
