using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Auth;
using OrleansMonitor.Tests.Dashmon;

namespace OrleansMonitor.Tests.Json;

/// <summary>
/// Text that is not text (bytes that are not UTF-8, NUL characters, lone surrogates) sent to every route that reads a
/// body, taken from the authorization matrix's route list: each answers 400 <c>invalid_json</c> in the envelope, and
/// nothing of the workspace changes.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HostileInputTests(ClusterFixture fixture)
{
    public enum Hostility
    {
        /// <summary>Raw bytes that are not UTF-8 appended to every string value.</summary>
        InvalidUtf8InValues,
        /// <summary>An escaped NUL (<c>\u0000</c>) appended to every string value.</summary>
        NulInValues,
        /// <summary>An escaped lone high surrogate (<c>\ud800</c>) appended to every string value.</summary>
        LoneSurrogateInValues,
        /// <summary>The same three in the name of an extra property the route never reads.</summary>
        InvalidUtf8InPropertyName,
        NulInPropertyName,
        LoneSurrogateInPropertyName,
    }

    private const string Marker = "HOSTILE-MARKER";

    [Theory]
    [InlineData(Hostility.InvalidUtf8InValues)]
    [InlineData(Hostility.NulInValues)]
    [InlineData(Hostility.LoneSurrogateInValues)]
    [InlineData(Hostility.InvalidUtf8InPropertyName)]
    [InlineData(Hostility.NulInPropertyName)]
    [InlineData(Hostility.LoneSurrogateInPropertyName)]
    public async Task EveryRouteWithABodyRefusesTextThatIsNotText(Hostility hostility)
    {
        var world = await RouteCatalog.BuildAsync(fixture);
        var owner = world.Owner;
        var anonymous = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var before = await SnapshotAsync(owner);
        var newEmail = $"hostile-{Guid.NewGuid():N}@example.test";

        var routes = RouteCatalog.Routes(world).Where(r => r.Body is not null).ToArray();
        Assert.Contains(routes, r => r.Path == "/api/auth/register");
        Assert.Contains(routes, r => r.Path == "/api/auth/login");
        Assert.True(routes.Count(r => r.Need != RouteCatalog.Need.Public) >= 20, "the matrix lists every authenticated route with a body");

        var failures = new List<string>();
        foreach (var route in routes)
        {
            // Public routes get a body that would succeed, so only the hostile text can be the reason for refusal.
            var body = route.Path switch
            {
                "/api/auth/register" => new { email = newEmail, password = "a long enough password", name = "Hostile" },
                "/api/auth/login" => new { email = owner.Email, password = owner.Password },
                _ => route.Body!,
            };
            var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path) { Content = Hostile(body, hostility) };
            var client = route.Need == RouteCatalog.Need.Public ? anonymous : owner.Session;
            var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (!IsInvalidJsonEnvelope(response, text, route.Path.StartsWith("/api/webhooks", StringComparison.Ordinal) ? "INVALID_JSON" : "invalid_json"))
            {
                failures.Add($"{route.Method} {route.Path}: {(int)response.StatusCode} {text}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {routes.Length} routes did not answer 400 invalid_json:\n" + string.Join("\n", failures));
        Assert.Equal(before, await SnapshotAsync(owner));
        Assert.Equal(0, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_users WHERE email ILIKE $1", newEmail[..^13] + "%"));
    }

    /// <summary>The error envelope with <paramref name="code"/> (Monoduty routes spell it in upper case).</summary>
    private static bool IsInvalidJsonEnvelope(HttpResponseMessage response, string text, string code)
    {
        if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return false;
        }

        ApiErrorBody? body;
        try
        {
            body = JsonSerializer.Deserialize<ApiErrorBody>(text, ApiJson.Options);
        }
        catch (JsonException)
        {
            return false;
        }

        return body is { Success: false } && body.Code == code
            && !string.IsNullOrWhiteSpace(body.Error)
            && DateTimeOffset.TryParse(body.Timestamp, out _)
            && !string.IsNullOrWhiteSpace(body.RequestId);
    }

    /// <summary>The route's body as UTF-8 JSON with the hostile text where <paramref name="hostility"/> says.</summary>
    private static ByteArrayContent Hostile(object body, Hostility hostility)
    {
        var node = JsonSerializer.SerializeToNode(body, ApiUser.Json)!.AsObject();
        if (hostility is Hostility.InvalidUtf8InValues or Hostility.NulInValues or Hostility.LoneSurrogateInValues)
        {
            if (!MarkStrings(node))
            {
                node["note"] = Marker;
            }
        }
        else
        {
            node[Marker] = "value";
        }

        byte[] replacement = hostility switch
        {
            Hostility.InvalidUtf8InValues or Hostility.InvalidUtf8InPropertyName => [0xC3, 0x28, 0xFF],
            Hostility.NulInValues or Hostility.NulInPropertyName => "\\u0000"u8.ToArray(),
            _ => "\\ud800"u8.ToArray(),
        };
        var json = Encoding.UTF8.GetBytes(node.ToJsonString());
        var marker = Encoding.UTF8.GetBytes(Marker);
        var output = new List<byte>(json.Length + 64);
        for (var index = 0; index < json.Length;)
        {
            if (json.AsSpan(index).StartsWith(marker))
            {
                output.AddRange(replacement);
                index += marker.Length;
            }
            else
            {
                output.Add(json[index++]);
            }
        }

        var content = new ByteArrayContent([.. output]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static bool MarkStrings(JsonNode? node)
    {
        var marked = false;
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToArray())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[name] = text + Marker;
                        marked = true;
                    }
                    else
                    {
                        marked |= MarkStrings(child);
                    }
                }

                break;
            case JsonArray array:
                for (var index = 0; index < array.Count; index++)
                {
                    if (array[index] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[index] = text + Marker;
                        marked = true;
                    }
                    else
                    {
                        marked |= MarkStrings(array[index]);
                    }
                }

                break;
        }

        return marked;
    }

    /// <summary>The owner's projects and devices (ids, names, descriptions, projects) and its rows in om_monitors.</summary>
    private async Task<string> SnapshotAsync(ApiUser owner)
    {
        var lines = new List<string>();
        foreach (var project in await owner.ProjectsAsync())
        {
            lines.Add($"project {project.Id} {project.Name} {project.Description}");
            foreach (var device in project.Devices)
            {
                lines.Add($"  device {device.Id} {device.Name} {device.Type}");
            }
        }

        var rows = await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_monitors WHERE workspace_id = $1", owner.UserId);
        lines.Add($"om_monitors rows {rows}");
        return string.Join("\n", lines.Order(StringComparer.Ordinal));
    }
}
