using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// A minimal authoritative DNS server on UDP 127.0.0.1 or another local address (an ephemeral port), written from the RFC 1035 wire format: it reads the one
/// question of a standard query (uncompressed name), answers from an in-memory zone (following CNAMEs inside the zone) with the
/// AA flag set, NXDOMAIN for names it does not know, FORMERR for malformed queries and NOTIMP for other opcodes.
/// Answers are written without name compression. <see cref="Delay"/> holds every reply back, to play a slow server.
/// <see cref="AddRebindingA"/> makes a name whose A answer changes from one query to the next, to play DNS rebinding.
/// </summary>
public sealed class LocalDnsServer : IAsyncDisposable
{
    public const uint Ttl = 60;

    private const ushort TypeA = 1;
    private const ushort TypeNs = 2;
    private const ushort TypeCname = 5;
    private const ushort TypeSoa = 6;
    private const ushort TypeMx = 15;
    private const ushort TypeTxt = 16;
    private const ushort TypeAaaa = 28;
    private const ushort TypeCaa = 257;
    private const ushort TypeAny = 255;
    private const ushort ClassIn = 1;
    private const int HeaderLength = 12;
    private const int MaxCnameHops = 8;

    private const byte NoError = 0;
    private const byte FormatError = 1;
    private const byte NameError = 3;
    private const byte NotImplemented = 4;
    private const byte Refused = 5;

    private readonly Dictionary<string, List<(ushort Type, byte[] Data, string? Target)>> _zone = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (List<byte[]> Answers, int Asked)> _turns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _queries;
    private long _delayTicks;

    private LocalDnsServer(IPAddress address)
    {
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(address, 0));
        Address = address;
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _serving = ServeAsync();
    }

    /// <summary>The address the server listens on (127.0.0.1 unless <see cref="Start(IPAddress)"/> chose another).</summary>
    public IPAddress Address { get; }

    public int Port { get; }

    /// <summary>"127.0.0.1:PORT" (or "[::1]:PORT"), as a dns monitor's resolver.</summary>
    public string Endpoint => new IPEndPoint(Address, Port).ToString();

    /// <summary>Datagrams received so far, answered or not.</summary>
    public int QueriesReceived => Volatile.Read(ref _queries);

    /// <summary>How long each reply is held back; zero by default.</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    public static LocalDnsServer Start() => new(IPAddress.Loopback);

    /// <summary>A server on <paramref name="address"/>, a local address such as the loopback alias 127.0.0.2.</summary>
    public static LocalDnsServer Start(IPAddress address) => new(address);

    /// <summary>A UDP port on 127.0.0.1 that nobody listens on (bound once, then released).</summary>
    public static int ClosedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public LocalDnsServer AddA(string name, string address) => Add(name, TypeA, AddressBytes(address, AddressFamily.InterNetwork));

    /// <summary>
    /// Answers the A queries for <paramref name="name"/> with one address each, in turn: the first query gets
    /// <paramref name="addresses"/>[0], the second [1], and so on, the last address from then on. AAAA queries get no records.
    /// </summary>
    public LocalDnsServer AddRebindingA(string name, params string[] addresses)
    {
        ArgumentOutOfRangeException.ThrowIfZero(addresses.Length, nameof(addresses));
        lock (_zone)
        {
            _turns[Bare(name)] = ([.. addresses.Select(address => AddressBytes(address, AddressFamily.InterNetwork))], 0);
        }

        return this;
    }

    /// <summary>How many A queries for <paramref name="name"/> (added with <see cref="AddRebindingA"/>) were answered.</summary>
    public int RebindingQueries(string name)
    {
        lock (_zone)
        {
            return _turns.TryGetValue(Bare(name), out var turn) ? turn.Asked : 0;
        }
    }

    public LocalDnsServer AddAaaa(string name, string address) => Add(name, TypeAaaa, AddressBytes(address, AddressFamily.InterNetworkV6));

    public LocalDnsServer AddCname(string name, string target) => Add(name, TypeCname, EncodeName(target), Bare(target));

    public LocalDnsServer AddNs(string name, string host) => Add(name, TypeNs, EncodeName(host));

    public LocalDnsServer AddMx(string name, ushort preference, string exchange)
    {
        var data = new List<byte>();
        WriteUInt16(data, preference);
        data.AddRange(EncodeName(exchange));
        return Add(name, TypeMx, [.. data]);
    }

    /// <summary>One TXT record made of one or more character-strings (each at most 255 bytes of UTF-8).</summary>
    public LocalDnsServer AddTxt(string name, params string[] strings)
    {
        var data = new List<byte>();
        foreach (var text in strings)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes.Length, 255, nameof(strings));
            data.Add((byte)bytes.Length);
            data.AddRange(bytes);
        }

        return Add(name, TypeTxt, [.. data]);
    }

    public LocalDnsServer AddSoa(string name, string mname, string rname, uint serial, uint refresh = 3600, uint retry = 600, uint expire = 86400, uint minimum = 60)
    {
        var data = new List<byte>();
        data.AddRange(EncodeName(mname));
        data.AddRange(EncodeName(rname));
        foreach (var value in new[] { serial, refresh, retry, expire, minimum })
        {
            WriteUInt32(data, value);
        }

        return Add(name, TypeSoa, [.. data]);
    }

    /// <summary>A CAA record (RFC 8659): flags, an ASCII tag such as "issue", the value as raw bytes.</summary>
    public LocalDnsServer AddCaa(string name, byte flags, string tag, string value)
    {
        var tagBytes = Encoding.ASCII.GetBytes(tag);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tagBytes.Length, 255, nameof(tag));
        var data = new List<byte> { flags, (byte)tagBytes.Length };
        data.AddRange(tagBytes);
        data.AddRange(Encoding.UTF8.GetBytes(value));
        return Add(name, TypeCaa, [.. data]);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private LocalDnsServer Add(string name, ushort type, byte[] data, string? target = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(data.Length, ushort.MaxValue, nameof(data));
        lock (_zone)
        {
            var key = Bare(name);
            if (!_zone.TryGetValue(key, out var records))
            {
                _zone[key] = records = [];
            }

            records.Add((type, data, target));
        }

        return this;
    }

    private async Task ServeAsync()
    {
        var buffer = new byte[65535];
        EndPoint anyone = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, anyone, _stop.Token);
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused)
            {
                continue; // an ICMP error about an earlier reply; the socket still works
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _queries);
            var reply = Reply(buffer.AsSpan(0, received.ReceivedBytes));
            if (reply is not null)
            {
                _ = SendAsync(reply, received.RemoteEndPoint);
            }
        }
    }

    private async Task SendAsync(byte[] reply, EndPoint client)
    {
        try
        {
            var delay = Delay;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _stop.Token);
            }

            await _socket.SendToAsync(reply, SocketFlags.None, client, _stop.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    /// <summary>The response to one datagram, or null when it is not a query at all (too short, or itself a response).</summary>
    private byte[]? Reply(ReadOnlySpan<byte> query)
    {
        if (query.Length < HeaderLength || (query[2] & 0x80) != 0)
        {
            return null;
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(query);
        var opcode = (query[2] >> 3) & 0x0F;
        var recursionDesired = (query[2] & 0x01) != 0;
        if (opcode != 0)
        {
            return Response(id, opcode, recursionDesired, NotImplemented, [], []);
        }

        var offset = HeaderLength;
        if (BinaryPrimitives.ReadUInt16BigEndian(query[4..]) != 1 || !TryReadName(query, ref offset, out var name) || offset + 4 > query.Length)
        {
            return Response(id, opcode, recursionDesired, FormatError, [], []);
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(query[offset..]);
        var @class = BinaryPrimitives.ReadUInt16BigEndian(query[(offset + 2)..]);
        var question = query[HeaderLength..(offset + 4)].ToArray();
        if (@class != ClassIn)
        {
            return Response(id, opcode, recursionDesired, Refused, question, []);
        }

        var answers = new List<(string Name, ushort Type, byte[] Data)>();
        lock (_zone)
        {
            if (_turns.TryGetValue(name, out var turn))
            {
                if (type is TypeA or TypeAny)
                {
                    answers.Add((name, TypeA, turn.Answers[Math.Min(turn.Asked, turn.Answers.Count - 1)]));
                    _turns[name] = (turn.Answers, turn.Asked + 1);
                }

                return Response(id, opcode, recursionDesired, NoError, question, answers);
            }

            if (!_zone.ContainsKey(name))
            {
                return Response(id, opcode, recursionDesired, NameError, question, []);
            }

            var current = name;
            for (var hop = 0; hop < MaxCnameHops && _zone.TryGetValue(current, out var records); hop++)
            {
                var matching = records.Where(record => record.Type == type || type == TypeAny).ToList();
                answers.AddRange(matching.Select(record => (current, record.Type, record.Data)));
                var alias = records.FirstOrDefault(record => record.Type == TypeCname);
                if (matching.Count > 0 || alias.Target is null)
                {
                    break;
                }

                answers.Add((current, alias.Type, alias.Data));
                current = alias.Target;
            }
        }

        return Response(id, opcode, recursionDesired, NoError, question, answers);
    }

    private static byte[] Response(ushort id, int opcode, bool recursionDesired, byte responseCode, byte[] question, List<(string Name, ushort Type, byte[] Data)> answers)
    {
        var message = new List<byte>(512);
        WriteUInt16(message, id);
        message.Add((byte)(0x80 | (opcode << 3) | 0x04 | (recursionDesired ? 0x01 : 0x00))); // QR, opcode, AA, RD
        message.Add(responseCode); // RA = 0, Z = 0
        WriteUInt16(message, (ushort)(question.Length > 0 ? 1 : 0));
        WriteUInt16(message, (ushort)answers.Count);
        WriteUInt16(message, 0);
        WriteUInt16(message, 0);
        message.AddRange(question);
        foreach (var (name, type, data) in answers)
        {
            message.AddRange(EncodeName(name));
            WriteUInt16(message, type);
            WriteUInt16(message, ClassIn);
            WriteUInt32(message, Ttl);
            WriteUInt16(message, (ushort)data.Length);
            message.AddRange(data);
        }

        return [.. message];
    }

    /// <summary>Reads an uncompressed name (length-prefixed labels up to the zero byte); compression pointers are refused.</summary>
    private static bool TryReadName(ReadOnlySpan<byte> message, ref int offset, out string name)
    {
        var labels = new List<string>();
        var length = 0;
        name = string.Empty;
        while (offset < message.Length)
        {
            int size = message[offset++];
            if (size == 0)
            {
                name = string.Join('.', labels);
                return true;
            }

            length += size + 1;
            if (size > 63 || length > 255 || offset + size > message.Length)
            {
                return false;
            }

            labels.Add(Encoding.ASCII.GetString(message.Slice(offset, size)));
            offset += size;
        }

        return false;
    }

    private static byte[] EncodeName(string name)
    {
        var bytes = new List<byte>();
        var bare = Bare(name);
        if (bare.Length > 0)
        {
            foreach (var label in bare.Split('.'))
            {
                var encoded = Encoding.ASCII.GetBytes(label);
                if (encoded.Length is 0 or > 63)
                {
                    throw new ArgumentException($"'{name}' has an empty or too long label", nameof(name));
                }

                bytes.Add((byte)encoded.Length);
                bytes.AddRange(encoded);
            }
        }

        bytes.Add(0);
        return [.. bytes];
    }

    private static byte[] AddressBytes(string text, AddressFamily family)
    {
        var address = IPAddress.Parse(text);
        return address.AddressFamily == family ? address.GetAddressBytes() : throw new ArgumentException($"'{text}' is not an {family} address", nameof(text));
    }

    private static string Bare(string name) => name.Trim().TrimEnd('.');

    private static void WriteUInt16(List<byte> buffer, ushort value)
    {
        buffer.Add((byte)(value >> 8));
        buffer.Add((byte)value);
    }

    private static void WriteUInt32(List<byte> buffer, uint value)
    {
        WriteUInt16(buffer, (ushort)(value >> 16));
        WriteUInt16(buffer, (ushort)value);
    }
}
