using System.Runtime.InteropServices;

namespace Lindung.Core.Import;

/// <summary>CPU time of the calling thread (Linux), for the import's stage timings: on a shared machine wall time
/// mostly measures the neighbours. Zero elsewhere.</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static TimeSpan Now()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        return ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0
            ? TimeSpan.FromTicks(ts.Seconds * TimeSpan.TicksPerSecond + ts.Nanoseconds / 100)
            : TimeSpan.Zero;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code enabled for the whole project; one blittable call.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out Timespec ts);
#pragma warning restore SYSLIB1054
}
