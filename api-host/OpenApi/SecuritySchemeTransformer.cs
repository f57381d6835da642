using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>
/// The three ways a caller authenticates (see <see cref="PrincipalResolver"/>) as security schemes, and on every route
/// behind <see cref="CallerFilter"/> the schemes it accepts: session routes the cookie only, the others any of the
/// three. Anonymous routes carry no requirement.
/// </summary>
public sealed class SecuritySchemeTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SessionCookieScheme = "sessionCookie";
    public const string BearerScheme = "bearerToken";
    public const string BareTokenScheme = "bareToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        AddSchemes(document);
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<CallerFilter>().LastOrDefault() is not { } caller)
        {
            return Task.CompletedTask;
        }

        var document = context.Document ?? throw new InvalidOperationException("The operation transformer has no document");
        AddSchemes(document);
        var sessionOnly = caller.Requirement is CallerRequirement.Session or CallerRequirement.SessionManage;
        string[] schemes = sessionOnly ? [SessionCookieScheme] : [SessionCookieScheme, BearerScheme, BareTokenScheme];
        // Requirements in the list are alternatives: any one of the schemes authenticates.
        operation.Security = schemes
            .Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] })
            .ToList();
        var premium = context.Description.ActionDescriptor.EndpointMetadata.OfType<PremiumFilter>().Any();
        var needs = $"**Caller:** {Describe(caller.Requirement)}{(premium ? " Premium workspaces only." : "")}";
        operation.Description = operation.Description is { Length: > 0 } text ? text + "\n\n" + needs : needs;
        return Task.CompletedTask;
    }

    private static string Describe(CallerRequirement requirement) => requirement switch
    {
        CallerRequirement.Read => "any member of the active workspace, by session or token.",
        CallerRequirement.Write => "an editor, admin or owner, by session or read_write token.",
        CallerRequirement.Manage => "an admin or owner, by session or read_write token.",
        CallerRequirement.Session => "a signed-in session (not a token), whatever the role.",
        CallerRequirement.SessionManage => "a signed-in session (not a token) of an admin or owner.",
        _ => throw new ArgumentOutOfRangeException(nameof(requirement), requirement, null),
    };

    private static void AddSchemes(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes.TryAdd(SessionCookieScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = SessionCookie.Name,
            Description = "The HttpOnly session cookie set by `POST /api/auth/register` and `POST /api/auth/login` "
                + $"(`{SessionCookie.DashmonName}` is read too). Cookie-authenticated changes must come from this site.",
        });
        document.Components.SecuritySchemes.TryAdd(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "`Authorization: Bearer <token>` with an API token from `POST /api/user/api-tokens`.",
        });
        document.Components.SecuritySchemes.TryAdd(BareTokenScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "`Authorization: <token>`: the same API token without the `Bearer` prefix (the Lunalytics form).",
        });
    }
}
