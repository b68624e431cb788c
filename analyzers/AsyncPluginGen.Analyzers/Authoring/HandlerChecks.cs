namespace AsyncPluginGen.Analyzers.Authoring;

/// <summary>APG0003–APG0006 and the Status checks: the handlers the generator forwards to.</summary>
internal static class HandlerChecks
{
    public static void Check(PluginUnderAnalysis plugin)
    {
    }
}
