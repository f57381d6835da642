namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>Tests that break their database on purpose; they share one cluster over a server of its own.</summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultClusterFixture>
{
    public const string Name = "faults";
}
