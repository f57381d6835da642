using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.ApiHost.Auth;

/// <summary>
/// The authenticated caller of a route behind <see cref="CallerFilter"/>, bound as a handler parameter: who calls
/// (<see cref="Principal"/>) and what they may do in the active workspace (<see cref="Access"/>, the caller every grain
/// command carries).
/// </summary>
/// <remarks>
/// Minimal APIs bind parameters before the endpoint's filters run, so the binding cannot read what the filter resolves:
/// the caller reads it when the handler asks, and the handler runs only after the filter has let the request through.
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

    /// <summary>Binds the caller <see cref="CallerFilter"/> resolves for this request.</summary>
    public static ValueTask<ApiCaller?> BindAsync(HttpContext http) => ValueTask.FromResult<ApiCaller?>(new ApiCaller(http));
}
