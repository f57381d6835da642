using Npgsql;

namespace OrleansMonitor.Bench;

/// <summary>What the down heartbeats stored so far say: a phase that should see none shows why it did.</summary>
public static class DownHeartbeats
{
    public static async Task PrintAsync(string connectionString, string when)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("""
            SELECT message, count(*), count(DISTINCT monitor_id) FROM om_heartbeats WHERE is_down GROUP BY message ORDER BY 2 DESC LIMIT 5
            """);
        await using var reader = await command.ExecuteReaderAsync();
        var any = false;
        while (await reader.ReadAsync())
        {
            any = true;
            Console.WriteLine($"  down heartbeats {when}: {reader.GetInt64(1):N0} from {reader.GetInt64(2):N0} monitors: {reader.GetString(0)}");
        }

        if (!any)
        {
            Console.WriteLine($"  down heartbeats {when}: none");
        }
    }
}
