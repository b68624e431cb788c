using System.Globalization;
using System.Text;

namespace AsyncPluginGen.Benchmarks.Infrastructure;

/// <summary>
/// Source text of synthetic plugin projects of any size, made at run time (nothing is checked in): one file per
/// plugin, as an author would lay them out, plus shared types and one file the generator has nothing to do with.
/// </summary>
internal static class SyntheticSources
{
    /// <summary>The file that the incremental benchmarks edit; no plugin lives in it.</summary>
    public const string UnrelatedPath = "Unrelated.cs";

    public const string Unrelated = """
        namespace Synthetic.Other;

        // A helper the generator has nothing to do with.
        public static class Helper
        {
            public static int Twice(int value) => value * 2;
        }
        """;

    /// <summary>The same file after an edit that changes no plugin (a method body).</summary>
    public const string UnrelatedEdited = """
        namespace Synthetic.Other;

        // A helper the generator has nothing to do with.
        public static class Helper
        {
            public static int Twice(int value) => value + value;
        }
        """;

    /// <summary>The same file after an edit that declares something new (a method) but changes no plugin.</summary>
    public const string UnrelatedDeclarationEdited = """
        namespace Synthetic.Other;

        // A helper the generator has nothing to do with.
        public static class Helper
        {
            public static int Twice(int value) => value * 2;

            public static int Thrice(int value) => value * 3;
        }
        """;

    /// <summary>A body edit inside a plugin's own file (its Delete handler's expression body): typing in a plugin.</summary>
    public static (string Find, string Replace) PluginBodyEdit => ("CancellationToken ct) => default;", "CancellationToken ct) => new ValueTask();");

    /// <summary>The meta, resource and state types every synthetic plugin shares.</summary>
    public const string SharedTypes = """
        using AsyncPluginGen;

        namespace Synthetic;

        public sealed record JobRef(string Id)
        {
            public static readonly JobRef Shared = new("job");
        }

        public sealed record Job(string Id, [property: PhaseSource] JobState State, [property: PhaseMessage] string? Error)
        {
            public static readonly Job Running = new("job", JobState.Running, null);
        }

        public enum JobState
        {
            [Phase(TaskPhase.Queued)] Pending,
            [Phase(TaskPhase.Running)] Running,
            [Phase(TaskPhase.Success)] Done,
            [Phase(TaskPhase.PermanentFailure, Code = "JobFailed")] Failed,
            [Phase(TaskPhase.Aborted)] Cancelled,
        }

        // The resource of plugins with a handwritten Status: no mapping attributes.
        public sealed record RawJob(string Id, RawState State, string? Error)
        {
            public static readonly RawJob Running = new("job", RawState.Running, null);
        }

        public enum RawState { Pending, Running, Done, Failed, Cancelled }
        """;

    public static string TaskType(int index) => "task_" + index.ToString("D4", CultureInfo.InvariantCulture);

    public static string ClassName(int index) => "Plugin" + index.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>
    /// A plugin with a generated Status (enum states mapped by [Phase]), the shape the generator benchmarks use.
    /// With <paramref name="mefExport"/> it is also a MEF part exported under its task type.
    /// </summary>
    public static string MappedPlugin(int index, bool mefExport = false)
    {
        var mef = mefExport
            ? $"[System.Composition.Export(\"{TaskType(index)}\", typeof(IPlugin))]\n[System.Composition.Shared]\n"
            : string.Empty;
        return $$"""
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            namespace Synthetic;

            [AsyncPlugin("{{TaskType(index)}}")]
            [RateLimits(ReadQps = 50, ReadBurst = 500)]
            [Caching(ResyncSeconds = 10)]
            {{mef}}public sealed partial class {{ClassName(index)}}
            {
                public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

                public ValueTask<Job> GetAsync(JobRef meta, CancellationToken ct) => new(Job.Running);

                public ValueTask DeleteAsync(JobRef meta, DeleteReason reason, CancellationToken ct) => default;
            }
            """;
    }

    /// <summary>
    /// A plugin whose handwritten Status goes through a chain of <paramref name="depth"/> helpers (Status calls Step1,
    /// which calls Step2, and so on; the last one maps the state), which the hot-path analyzer follows to the end (the
    /// benchmark uses 5 levels; the default depth is 32). Nothing on the chain allocates or blocks, so the analyzers walk
    /// every level and report nothing.
    /// </summary>
    public static string HelperChainPlugin(int index, int depth)
    {
        var helpers = new StringBuilder();
        for (var level = 1; level < depth; level++)
        {
            helpers.Append(CultureInfo.InvariantCulture, $"    private static PhaseInfo Step{level}(RawJob job, int weight) => weight < 0 ? PhaseInfo.Undefined : Step{level + 1}(job, weight + {level});\n\n");
        }

        return $$"""
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            namespace Synthetic;

            [AsyncPlugin("{{TaskType(index)}}")]
            [RateLimits(ReadQps = 50, ReadBurst = 500)]
            public sealed partial class {{ClassName(index)}}
            {
                public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);

                public ValueTask<RawJob> GetAsync(JobRef meta, CancellationToken ct) => new(RawJob.Running);

                public ValueTask DeleteAsync(JobRef meta, DeleteReason reason, CancellationToken ct) => default;

                public PhaseInfo Status(RawJob job) => Step1(job, {{index}});

            {{helpers}}    private static PhaseInfo Step{{depth}}(RawJob job, int weight) => job.State switch
                {
                    RawState.Pending => PhaseInfo.Queued("pending"),
                    RawState.Done => PhaseInfo.Success("done"),
                    RawState.Failed => PhaseInfo.Failure("JobFailed", job.Error ?? "failed"),
                    RawState.Cancelled => PhaseInfo.Aborted("cancelled"),
                    _ => PhaseInfo.Running("running"),
                };
            }
            """;
    }

    /// <summary>
    /// A hand-written registry over the same plugins, as an author without the generator would write it: a dictionary
    /// of task type to factory.
    /// </summary>
    public static string ManualRegistry(int count)
    {
        var entries = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            entries.Append(CultureInfo.InvariantCulture, $"            [\"{TaskType(i)}\"] = static () => new {ClassName(i)}(),\n");
        }

        return $$"""
            using System;
            using System.Collections.Generic;
            using AsyncPluginGen;

            namespace Synthetic;

            public static class ManualRegistry
            {
                public static Dictionary<string, Func<IPlugin>> Build() => new(StringComparer.Ordinal)
                {
            {{entries}}        };
            }
            """;
    }
}
