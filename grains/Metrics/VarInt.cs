namespace OrleansMonitor.Grains.Metrics;

/// <summary>Unsigned LEB128: 7 bits per byte, high bit set on every byte but the last.</summary>
internal static class VarInt
{
    public static int Write(Span<byte> destination, uint value)
    {
        var written = 0;
        while (value >= 0x80)
        {
            destination[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[written++] = (byte)value;
        return written;
    }

    public static uint Read(ReadOnlySpan<byte> source, ref int position)
    {
        uint value = 0;
        var shift = 0;
        byte current;
        do
        {
            current = source[position++];
            value |= (uint)(current & 0x7F) << shift;
            shift += 7;
        }
        while ((current & 0x80) != 0);

        return value;
    }
}
