using System.Runtime.InteropServices;

namespace OrleansMonitor.Grains.Scheduling;

/// <summary>
/// The process's open-file limit (RLIMIT_NOFILE) on Linux: read it, raise the soft limit to the hard one, count the
/// descriptors open. Elsewhere (or when the calls fail) the limit reads as unknown and nothing is raised.
/// </summary>
/// <remarks>
/// Why it matters: a .NET process that has run out of descriptors aborts the next time the runtime creates a thread
/// (it prints "Out of memory." and exits), and the thread pool creates threads exactly when the machine is stalled.
/// Every probe holds a socket, so the probe bound is derived from this limit with room left for everything else.
/// </remarks>
public static partial class DescriptorLimit
{
    private const int ResourceOpenFiles = 7; // RLIMIT_NOFILE on Linux

    /// <summary>The soft and hard limits, or null when they cannot be read.</summary>
    public static (long Soft, long Hard)? Read()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return getrlimit(ResourceOpenFiles, out var limit) == 0 ? ((long)Math.Min(limit.Current, long.MaxValue), (long)Math.Min(limit.Maximum, long.MaxValue)) : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Raises the soft limit to the hard limit; returns the soft limit in force afterwards (null when unknown).</summary>
    public static long? RaiseSoftToHard()
    {
        if (Read() is not { } limits)
        {
            return null;
        }

        if (limits.Soft < limits.Hard)
        {
            var raised = new RLimit { Current = (ulong)limits.Hard, Maximum = (ulong)limits.Hard };
            if (setrlimit(ResourceOpenFiles, in raised) != 0)
            {
                return limits.Soft;
            }
        }

        return Read()?.Soft;
    }

    /// <summary>Descriptors this process has open now (Linux), or null.</summary>
    public static int? OpenCount()
    {
        try
        {
            return OperatingSystem.IsLinux() ? Directory.EnumerateFileSystemEntries("/proc/self/fd").Count() : null;
        }
        catch (IOException)
        {
            return null; // none left to open the folder with
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrlimit(int resource, out RLimit limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, in RLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
