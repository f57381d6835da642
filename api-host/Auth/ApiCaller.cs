using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Auth;

/// <summary>
/// The authenticated caller of a route behind <see cref="CallerFilter"/>, bound as a handler parameter: who calls
/// (<see cref="Principal"/>) and what they may do in the active workspace (<see cref="Access"/>, the caller every grain
/// command carries).
/// </summary>
public sealed record ApiCaller(Principal Principal, WorkspaceAccess? Access)
{
    /// <summary>Holds the handler's argument from binding until <see cref="CallerFilter"/> puts the resolved caller in its place.</summary>
    internal static readonly ApiCaller Unresolved = new(null!, null);

    public Guid UserId => Principal.UserId;

    public Guid WorkspaceId => Principal.WorkspaceId;

    public string Email => Principal.Email;

    /// <summary>The caller as grain commands take it; only Session routes admit a non-member, and they do not ask.</summary>
    public WorkspaceAccess Member => Access ?? throw new InvalidOperationException("The caller is not a member of the active workspace");

    /// <summary>
    /// Binds the handler's caller argument. Arguments are bound before endpoint filters run, so this only reserves
    /// the argument (<see cref="Unresolved"/>): <see cref="CallerFilter"/>, once it has resolved and admitted the
    /// caller, replaces it, and the handler never sees the placeholder. A route that takes a caller without
    /// requiring one fails here, at its first request.
    /// </summary>
    public static ValueTask<ApiCaller?> BindAsync(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<CallerFilter>() is null
            ? throw new InvalidOperationException($"{http.Request.Method} {http.Request.Path} takes an {nameof(ApiCaller)} but requires no caller (RequireCaller)")
            : ValueTask.FromResult<ApiCaller?>(Unresolved);
}
