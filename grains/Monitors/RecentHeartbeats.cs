namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// A fixed-size ring of a monitor's newest heartbeats, stored as compact structs (about 40 bytes each, status and
/// message strings interned by the caller) and turned back into <see cref="Heartbeat"/> records only when read.
/// The ring is allocated at the first heartbeat, so a monitor that has not probed yet pays nothing for it.
/// </summary>
public sealed class RecentHeartbeats(int capacity)
{
    private Entry[]? _ring;
    private int _next;
    private int _count;

    public Heartbeat? Newest => _count == 0 ? null : _ring![(_next - 1 + _ring.Length) % _ring.Length].ToHeartbeat();

    public void Add(Heartbeat heartbeat)
    {
        _ring ??= new Entry[capacity];
        _ring[_next] = new Entry(heartbeat.Id, heartbeat.Date.ToUnixTimeMilliseconds(), heartbeat.Latency, heartbeat.IsDown, heartbeat.InMaintenance, heartbeat.Status, heartbeat.Message);
        _next = (_next + 1) % _ring.Length;
        _count = Math.Min(_count + 1, _ring.Length);
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<Heartbeat> NewestFirst()
    {
        var list = new Heartbeat[_count];
        for (var i = 0; i < _count; i++)
        {
            list[i] = _ring![(_next - 1 - i + (2 * _ring.Length)) % _ring.Length].ToHeartbeat();
        }

        return list;
    }

    private readonly record struct Entry(long Id, long DateMs, int Latency, bool IsDown, bool InMaintenance, string Status, string Message)
    {
        public Heartbeat ToHeartbeat() => new(Id, Status, Latency, DateTimeOffset.FromUnixTimeMilliseconds(DateMs), IsDown, Message, InMaintenance);
    }
}
