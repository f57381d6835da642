using OrleansMonitor.Grains.Scheduling;

namespace OrleansMonitor.Tests.Scheduling;

public sealed class ProbeScheduleTests
{
    [Fact]
    public void NextStartIsOnTheMonitorsGridStrictlyAfterNow()
    {
        var id = Guid.Parse("4d048471-9e85-428b-8050-4238f6033478");
        var interval = TimeSpan.FromSeconds(30);
        var phase = ProbeSchedule.PhaseMs(id, interval);
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

        var next = ProbeSchedule.NextStart(id, interval, now);

        Assert.InRange(phase, 0, 29_999);
        Assert.True(next > now);
        Assert.True(next - now <= interval);
        Assert.Equal(phase, next.ToUnixTimeMilliseconds() % 30_000);
        Assert.Equal(next + interval, ProbeSchedule.NextStart(id, interval, next));
    }

    [Fact]
    public void PhaseIsStableForTheSameMonitor()
    {
        var id = Guid.NewGuid();

        Assert.Equal(ProbeSchedule.PhaseMs(id, TimeSpan.FromSeconds(20)), ProbeSchedule.PhaseMs(id, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void ManyMonitorsSpreadEvenlyOverTheInterval()
    {
        // 10,000 monitors at 20 s: each of the 20 one-second slots should hold about 500 starts.
        var interval = TimeSpan.FromSeconds(20);
        var slots = new int[20];
        for (var i = 0; i < 10_000; i++)
        {
            slots[ProbeSchedule.PhaseMs(Guid.NewGuid(), interval) / 1000]++;
        }

        Assert.All(slots, count => Assert.InRange(count, 400, 600));
    }
}
