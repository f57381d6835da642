namespace OrleansMonitor.Grains.Monitors;

/// <summary>A fixed-size ring of a monitor's newest heartbeats.</summary>
public sealed class RecentHeartbeats(int capacity)
{
    private readonly Heartbeat?[] _ring = new Heartbeat?[capacity];
    private int _next;
    private int _count;

    public Heartbeat? Newest => _count == 0 ? null : _ring[(_next - 1 + _ring.Length) % _ring.Length];

    public void Add(Heartbeat heartbeat)
    {
        _ring[_next] = heartbeat;
        _next = (_next + 1) % _ring.Length;
        _count = Math.Min(_count + 1, _ring.Length);
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Heartbeat> NewestFirst()
    {
        var list = new Heartbeat[_count];
        for (var i = 0; i < _count; i++)
        {
            list[i] = _ring[(_next - 1 - i + (2 * _ring.Length)) % _ring.Length]!;
        }

        return list;
    }
}
