using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Auth;

/// <summary>
/// The authenticated caller of a route behind <see cref="CallerFilter"/>, bound as a handler parameter: who calls
/// (<see cref="Principal"/>) and what they may do in the active workspace (<see cref="Access"/>, the caller every grain
/// command carries).
/// </summary>
/// <remarks>
/// Minimal APIs bind handler parameters before endpoint filters run, so the caller is read from the request when the
/// handler asks, after <see cref="CallerFilter"/> has resolved it, not when it is bound.
/// </remarks>
public sealed class ApiCaller
{
    private readonly HttpContext _http;

    private ApiCaller(HttpContext http) => _http = http;

    public Principal Principal => CallerFilter.CallerOf(_http);

    public WorkspaceAccess? Access => CallerFilter.AccessOf(_http);

    public Guid UserId => Principal.UserId;

    public Guid WorkspaceId => Principal.WorkspaceId;

    public string Email => Principal.Email;

    /// <summary>The caller as grain commands take it; only Session routes admit a non-member, and they do not ask.</summary>
    public WorkspaceAccess Member => Access ?? throw new InvalidOperationException("The caller is not a member of the active workspace");

    /// <summary>Binds the caller <see cref="CallerFilter"/> resolves for this request (read when used, see the remarks).</summary>
    public static ValueTask<ApiCaller?> BindAsync(HttpContext http) => ValueTask.FromResult<ApiCaller?>(new ApiCaller(http));
}
