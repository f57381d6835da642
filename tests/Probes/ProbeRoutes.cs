using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Probes;

/// <summary>The answers the probe tests ask a <see cref="LocalHttpTarget"/> for, one route each.</summary>
public static class ProbeRoutes
{
    /// <summary>What GET /json answers (with Cache-Control: no-store and X-Api-Version: 2).</summary>
    public const string JsonBody = """{"status":"degraded","data":{"id":7,"items":[{"id":"a-1","ok":true}],"ratio":0.5,"none":null},"dotted.key":"x"}""";

    /// <summary>A target with these routes, over https when given a <paramref name="certificate"/>.</summary>
    public static Task<LocalHttpTarget> StartAsync(X509Certificate2? certificate = null) =>
        LocalHttpTarget.StartAsync(certificate: certificate, routes: Map);

    private static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/ok", () => "hello");
        routes.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        routes.MapGet("/redirect", () => Results.Redirect("/status/201"));
        routes.MapGet("/redirect-loop", () => Results.Redirect("/redirect-loop"));
        routes.MapGet("/slow", async (CancellationToken aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), aborted);
            return "late";
        });
        routes.MapGet("/endless", async (HttpContext context) =>
        {
            var chunk = new byte[16 * 1024];
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        routes.MapGet("/json", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers["X-Api-Version"] = "2";
            return Results.Text(JsonBody, "application/json");
        });
        routes.MapGet("/delay/{ms:int}", async (int ms, CancellationToken aborted) =>
        {
            await Task.Delay(ms, aborted);
            return "done";
        });
        routes.MapGet("/padded/{count:int}", (int count) => Results.Text(new string(' ', count) + "tail", "text/plain"));
        routes.MapGet("/latin1", () => Results.Bytes(System.Text.Encoding.Latin1.GetBytes("caf\u00e9 au lait"), "text/plain; charset=iso-8859-1"));
        routes.MapGet("/stall", async (HttpContext context) =>
        {
            await context.Response.WriteAsync("start", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        });

        // The target records every request (method, path, content type, body, headers): /echo only answers.
        routes.Map("/echo", () => Results.Ok());
    }
}
