using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansMonitor.Grains.Probes.Egress;

/// <summary>
/// A CIDR range of IPv4 or IPv6 addresses ("10.0.0.0/8", "fd00::/8"); a bare address is a range of one (/32 or /128).
/// Host bits below the prefix are cleared, so "10.1.2.3/8" is 10.0.0.0/8. IPv4 is written as four decimal octets.
/// An IPv6 range inside the IPv4-mapped block (::ffff:0:0/96) is kept as the IPv4 range it maps, because addresses are
/// judged the same way (<see cref="Normalize"/>): "::ffff:10.0.0.0/104" is 10.0.0.0/8.
/// </summary>
public sealed class IpRange
{
    private readonly byte[] _network;

    private IpRange(byte[] network, int prefixLength)
    {
        _network = network;
        PrefixLength = prefixLength;
    }

    public AddressFamily Family => _network.Length == 4 ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;

    public int PrefixLength { get; }

    public IPAddress Network => new(_network);

    /// <summary>Reads "address" or "address/prefix"; see the type's remarks for the accepted forms.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not such a range.</exception>
    public static IpRange Parse(string text) =>
        TryParse(text, out var range) ? range : throw new FormatException($"'{text}' is not a CIDR range such as 10.0.0.0/8, fd00::/8 or 192.0.2.7");

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out IpRange? range)
    {
        range = null;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? value : value[..slash];
        if (!TryParseAddress(addressText, out var address))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var prefix = bytes.Length * 8;
        if (slash >= 0)
        {
            var prefixText = value[(slash + 1)..];
            if (prefixText.Length is 0 or > 3 || !prefixText.All(char.IsAsciiDigit)
                || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out prefix) || prefix > bytes.Length * 8)
            {
                return false;
            }
        }

        if (bytes.Length == 16 && prefix >= 96 && address.IsIPv4MappedToIPv6)
        {
            bytes = bytes[12..];
            prefix -= 96;
        }

        Mask(bytes, prefix);
        range = new IpRange(bytes, prefix);
        return true;
    }

    /// <summary>The form addresses are judged in: an IPv4-mapped IPv6 address (::ffff:a.b.c.d) becomes its IPv4 address; the scope id goes.</summary>
    public static IPAddress Normalize(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
    }

    /// <summary>Whether <paramref name="address"/> (in its <see cref="Normalize"/>d form) lies in this range.</summary>
    public bool Contains(IPAddress address)
    {
        var bytes = Normalize(address).GetAddressBytes();
        if (bytes.Length != _network.Length)
        {
            return false;
        }

        var whole = PrefixLength / 8;
        for (var i = 0; i < whole; i++)
        {
            if (bytes[i] != _network[i])
            {
                return false;
            }
        }

        var rest = PrefixLength % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[whole] & mask) == _network[whole];
    }

    /// <summary>"10.0.0.0/8", "fe80::/10", "127.0.0.2/32".</summary>
    public override string ToString() => $"{Network}/{PrefixLength.ToString(CultureInfo.InvariantCulture)}";

    private static bool TryParseAddress(string text, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            // No scope ids ("fe80::1%eth0") and no brackets: a range is written plainly.
            return text.IndexOfAny(['%', '[', ']']) < 0
                && IPAddress.TryParse(text, out address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        // IPAddress.TryParse also takes "10" (0.0.0.10) and hex or octal parts: a range must spell four decimal octets.
        var parts = text.Split('.');
        if (parts.Length != 4 || parts.Any(part => part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || int.Parse(part, CultureInfo.InvariantCulture) > 255))
        {
            return false;
        }

        return IPAddress.TryParse(text, out address) && address.AddressFamily == AddressFamily.InterNetwork;
    }

    private static void Mask(byte[] bytes, int prefix)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var bits = Math.Clamp(prefix - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - bits));
        }
    }
}
