namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>
/// Builds test plugins from parts. With every default the plugin is valid and produces no diagnostic, so a test
/// changes exactly the part it is about.
/// </summary>
internal static class Plugin
{
    public const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        """;

    public const string Types = """
        public sealed record Meta(string Id);
        public sealed record Res([property: PhaseSource] State State, [property: PhaseMessage] string? Error);
        public enum State
        {
            [Phase(TaskPhase.Queued)] Pending,
            [Phase(TaskPhase.Running)] Running,
            [Phase(TaskPhase.Success)] Done,
            [Phase(TaskPhase.PermanentFailure)] Failed,
        }

        """;

    public const string Create = "    public ValueTask<Meta> CreateAsync(TaskContext task, CancellationToken ct) => new(new Meta(task.UniqueName));\n";
    public const string Get = "    public ValueTask<Res> GetAsync(Meta meta, CancellationToken ct) => new(new Res(State.Done, null));\n";
    public const string Delete = "    public ValueTask DeleteAsync(Meta meta, DeleteReason reason, CancellationToken ct) => default;\n";
    public const string Handlers = Create + Get + Delete;

    public static string Source(
        string members = Handlers,
        string declaration = "public sealed partial class {|#0:P|}",
        string attributes = "[AsyncPlugin(\"t\")]",
        string types = Types,
        string extra = "") =>
        Usings + types + attributes + "\n" + declaration + "\n{\n" + members + "}\n" + extra;
}
