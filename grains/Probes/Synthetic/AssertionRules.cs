namespace OrleansMonitor.Grains.Probes.Synthetic;

// Temporary stand-in until synthetic assertions land.
public static class AssertionRules
{
    public static bool TryValidate(IReadOnlyList<SyntheticAssertion> assertions, out IReadOnlyDictionary<string, string> errors)
    {
        errors = new Dictionary<string, string>();
        return true;
    }
}
