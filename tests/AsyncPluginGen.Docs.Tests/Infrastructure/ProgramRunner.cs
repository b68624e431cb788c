using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Docs.Tests.Infrastructure;

/// <summary>
/// Emits a program compiled from doc blocks, runs its entry point in this process (in a collectible load context
/// that shares the runtime with the test, so the plugin interfaces are the same types) and returns what it wrote to
/// standard output. The docs tests run one at a time (xunit.runner.json), so redirecting the console is safe.
/// </summary>
public static class ProgramRunner
{
    /// <summary>How long a doc program may run: they are meant to finish in well under a second.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<string> RunAsync(Compilation compilation, string where)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, $"{where}: the program does not emit:{Environment.NewLine}{DocCompiler.Describe(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))}");
        image.Position = 0;

        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        var entryPoint = context.LoadFromStream(image).EntryPoint ?? throw new InvalidOperationException($"{where}: the program has no entry point");
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var arguments = entryPoint.GetParameters().Length == 0 ? null : new object[] { Array.Empty<string>() };
            var run = Task.Run(() =>
            {
                try
                {
                    return entryPoint.Invoke(null, arguments);
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    throw new InvalidOperationException($"{where}: the program threw {e.InnerException.GetType().Name}: {e.InnerException.Message}", e.InnerException);
                }
            });
            var exitCode = await run.WaitAsync(Timeout);
            Assert.True(exitCode is null or 0, $"{where}: the program exited with {exitCode}");
        }
        finally
        {
            Console.SetOut(original);
            context.Unload();
        }

        return output.ToString().ReplaceLineEndings("\n");
    }
}
