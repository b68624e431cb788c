using System.Runtime;

namespace AsyncPluginGen.AotSample.Running;

/// <summary>
/// Tells a native AOT process from a JIT one. <c>RuntimeFeature.IsDynamicCodeSupported</c> cannot: with
/// <c>PublishAot</c> the SDK switches it off for JIT runs too, so they behave like the native binary. The JIT's own
/// counter can: a native binary compiles no method at run time.
/// </summary>
internal static class RuntimeKind
{
    /// <summary>"native AOT", or "JIT (N methods compiled)".</summary>
    /// <returns>The description.</returns>
    public static string Describe()
    {
        var compiled = JitInfo.GetCompiledMethodCount();
        return compiled == 0 ? "native AOT" : $"JIT ({compiled} methods compiled)";
    }
}
