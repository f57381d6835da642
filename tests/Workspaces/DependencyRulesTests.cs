using OrleansMonitor.Grains.Workspaces;

namespace OrleansMonitor.Tests.Workspaces;

/// <summary>The parent rules on their own: itself, unknown devices, cycles of any length and the bounded depth.</summary>
public sealed class DependencyRulesTests
{
    private readonly Dictionary<Guid, Guid?> _parents = [];

    private Guid Device(Guid? parent = null)
    {
        var id = Guid.NewGuid();
        _parents[id] = parent;
        return id;
    }

    private string? Refusal(Guid device, Guid parent) =>
        DependencyRules.RefusalFor(device, parent, _parents.ContainsKey, id => _parents.GetValueOrDefault(id));

    [Fact]
    public void AParentOfTheWorkspaceWithoutCycleIsAccepted()
    {
        var router = Device();
        var server = Device(router);
        var page = Device();

        Assert.Null(Refusal(page, server));
        Assert.Null(Refusal(server, page)); // server's current parent is replaced, so page → ... never reaches server
    }

    [Fact]
    public void ADeviceCannotBeItsOwnParent()
    {
        var device = Device();

        Assert.Contains("itself", Refusal(device, device));
    }

    [Fact]
    public void AnUnknownParentIsRefused()
    {
        var device = Device();

        Assert.Contains("device of this workspace", Refusal(device, Guid.NewGuid()));
    }

    [Fact]
    public void TwoAndThreeDeviceCyclesAreRefused()
    {
        var a = Device();
        var b = Device(a);
        var c = Device(b);

        Assert.Contains("cycle", Refusal(a, b));
        Assert.Contains("cycle", Refusal(a, c));
        Assert.Null(Refusal(c, a)); // the same link again: no cycle
    }

    [Fact]
    public void ChainsUpToTheMaximumDepthAreAcceptedAndDeeperOnesRefused()
    {
        // top ← d1 ← … : a device taking the deepest device of a chain of n links has a chain of n + 1 links.
        var deepest = Device();
        for (var links = 1; links < DependencyRules.MaxDepth; links++)
        {
            deepest = Device(deepest);
        }

        // deepest has MaxDepth - 1 links above it: a new child makes MaxDepth.
        Assert.Null(Refusal(Device(), deepest));

        var tooDeep = Device(deepest);
        Assert.Contains($"more than {DependencyRules.MaxDepth}", Refusal(Device(), tooDeep));
    }
}
