using System.Collections.Concurrent;

namespace OrleansMonitor.Grains.Text;

/// <summary>
/// A bounded per-silo pool of short strings that repeat across monitors ("200", "200 - OK", "Up and running!"), so
/// thousands of in-memory heartbeats share one instance each. Unlike <see cref="string.Intern"/> it is bounded: once
/// full it stops adding, so text a target controls can never grow it without limit.
/// </summary>
public sealed class SharedStrings(int capacity = SharedStrings.DefaultCapacity)
{
    public const int DefaultCapacity = 20_000;
    public const int MaxLength = 64;

    private readonly ConcurrentDictionary<string, string> _pool = new(StringComparer.Ordinal);

    public int Count => _pool.Count;

    /// <summary>The pooled instance equal to <paramref name="text"/>, or <paramref name="text"/> itself.</summary>
    public string Share(string text)
    {
        if (text.Length > MaxLength)
        {
            return text;
        }

        if (_pool.TryGetValue(text, out var shared))
        {
            return shared;
        }

        return _pool.Count < capacity ? _pool.GetOrAdd(text, text) : text;
    }
}
