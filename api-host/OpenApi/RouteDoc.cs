namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>
/// What the OpenAPI document says about one route beyond what its mapping shows: the handlers read their JSON bodies
/// field by field, so request shapes are described here, by documentation-only types in <c>Schemas/</c>; so are the
/// answers of handlers that build their JSON (typed results declare theirs). <see cref="Path"/> is the route pattern
/// as the document writes it (<c>/api/projects/{id}</c>).
/// </summary>
public sealed record RouteDoc(string Method, string Path, string Summary)
{
    public string? Description { get; init; }

    /// <summary>The request body's documentation type (the route reads a JSON object body); null: no body.</summary>
    public Type? Body { get; init; }

    /// <summary>Named request examples (JSON text), taken from the README's curl examples.</summary>
    public IReadOnlyDictionary<string, string> Examples { get; init; } = new Dictionary<string, string>();

    /// <summary>Descriptions of query and path parameters, by name.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public int Success { get; init; } = StatusCodes.Status200OK;

    public string SuccessDescription { get; init; } = "OK";

    /// <summary>
    /// The success body's type, for a handler that builds its JSON; a handler returning a typed result
    /// (<c>Ok&lt;T&gt;</c>, <c>Created&lt;T&gt;</c>) declares its body itself and leaves this null. Null otherwise: a JSON
    /// object not described further.
    /// </summary>
    public Type? Response { get; init; }

    /// <summary>Error statuses (in the error envelope) beyond those every route of its kind has (see <see cref="ErrorEnvelopeTransformer"/>).</summary>
    public IReadOnlyList<int> Errors { get; init; } = [];

    /// <summary>The error body's type: the one envelope (<see cref="ApiError"/>), or a dialect's own (Monoduty's).</summary>
    public Type ErrorBody { get; init; } = typeof(ApiError);

    /// <summary>Answers with a body of their own, not the error envelope (status → description).</summary>
    public IReadOnlyDictionary<int, string> OwnResponses { get; init; } = new Dictionary<int, string>();
}
