using System.Globalization;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>The machine's IPv4 TCP sockets as /proc/net/tcp lists them: how many are connecting or connected to a loopback port.</summary>
public static class LoopbackSockets
{
    private const string Established = "01";
    private const string SynSent = "02";

    /// <summary>Sockets whose remote end is 127.0.0.1:<paramref name="port"/>, connected or still connecting.</summary>
    public static int OpenTo(int port)
    {
        var remote = $"0100007F:{port.ToString("X4", CultureInfo.InvariantCulture)}";
        return File.ReadLines("/proc/net/tcp")
            .Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Count(fields => fields.Length > 3 && fields[2] == remote && fields[3] is Established or SynSent);
    }
}
