namespace OrleansMonitor.ApiHost.Identity.Responses;

/// <summary>The signed-in user, as register, login and <c>/api/me</c> show it.</summary>
public sealed record SessionUser(Guid Id, string Email, string Name);
