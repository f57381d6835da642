namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Body of the project routes answer the project in <c>project</c>.</summary>
public sealed record DashmonProjectBody(DashmonProject Project);
