namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>Alert routing of the workspace (not configurable in this version).</summary>
public sealed record AlertRoutingPosture(int ConfiguredProjects, string Note);
