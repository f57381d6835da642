namespace OrleansMonitor.Grains.Probes;

// Temporary stand-in until the DNS probe lands.
public static class DnsCheckRules
{
    public static bool TryNormalize(DnsCheck check, out DnsCheck normalized, out IReadOnlyDictionary<string, string> errors)
    {
        var found = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(check.Name)) { found["name"] = "name is required"; }
        if (string.IsNullOrWhiteSpace(check.RecordType)) { found["recordType"] = "recordType is required"; }
        normalized = check with { RecordType = check.RecordType.ToUpperInvariant() };
        errors = found;
        return found.Count == 0;
    }
}
