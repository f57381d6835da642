using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OrleansMonitor.Bench;

/// <summary>
/// Read latency of the Dashmon project and device lists for one workspace with many devices, through the real API
/// host process (HTTP, token auth, Orleans client) against the benchmark's silo.
/// </summary>
public static class ListBench
{
    public static async Task RunAsync(string apiUrl, int devices, string targetUrl, int reads)
    {
        using var http = new HttpClient { BaseAddress = new Uri(apiUrl), Timeout = TimeSpan.FromSeconds(60) };
        await WaitForApiAsync(http);
        var email = $"bench-{Guid.NewGuid():N}@example.test";
        var session = new HttpClient(new HttpClientHandler { UseCookies = true }) { BaseAddress = new Uri(apiUrl) };
        (await session.PostAsJsonAsync("/api/auth/register", new { email, password = "bench password", name = "Bench" })).EnsureSuccessStatusCode();
        var tokenResponse = await session.PostAsJsonAsync("/api/user/api-tokens", new { label = "bench", accessLevel = "read_write" });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        var projectResponse = await http.PostAsJsonAsync("/api/projects", new { name = "Fleet" });
        var projectId = (await projectResponse.Content.ReadFromJsonAsync<JsonObject>())!["project"]!["id"]!.GetValue<string>();
        var ids = new string[devices];
        var create = Stopwatch.StartNew();
        await Parallel.ForAsync(0, devices, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellationToken) =>
        {
            var response = await http.PostAsJsonAsync($"/api/projects/{projectId}/devices", new { name = $"device {i:D5}", type = "http", url = targetUrl, interval = 600 }, cancellationToken);
            response.EnsureSuccessStatusCode();
            ids[i] = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["device"]!["id"]!.GetValue<string>();
        });
        Console.WriteLine($"lists: created {devices} devices through the API in {create.Elapsed.TotalSeconds:F1} s");

        var list = await MeasureAsync(http, reads, _ => "/api/projects");
        var random = new Random(7);
        var detail = await MeasureAsync(http, reads, _ => $"/api/projects/{projectId}/devices/{ids[random.Next(ids.Length)]}");
        Console.WriteLine($"lists: GET /api/projects ({devices} devices, {list.Bytes / 1024} KB) p50 {list.P50:F1} ms, p99 {list.P99:F1} ms over {reads} reads");
        Console.WriteLine($"lists: GET /api/projects/:id/devices/:id p50 {detail.P50:F1} ms, p99 {detail.P99:F1} ms over {reads} reads");
    }

    private static async Task<(double P50, double P99, long Bytes)> MeasureAsync(HttpClient http, int reads, Func<int, string> route)
    {
        // Warm up, then measure sequential reads.
        for (var i = 0; i < 5; i++)
        {
            (await http.GetAsync(route(i))).EnsureSuccessStatusCode();
        }

        var samples = new double[reads];
        long bytes = 0;
        for (var i = 0; i < reads; i++)
        {
            var watch = Stopwatch.StartNew();
            var response = await http.GetAsync(route(i));
            var body = await response.Content.ReadAsByteArrayAsync();
            samples[i] = watch.Elapsed.TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            bytes = body.Length;
        }

        Array.Sort(samples);
        return (samples[(int)Math.Ceiling(0.50 * reads) - 1], samples[(int)Math.Ceiling(0.99 * reads) - 1], bytes);
    }

    private static async Task WaitForApiAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("the API host did not become healthy within 60 s");
    }
}
