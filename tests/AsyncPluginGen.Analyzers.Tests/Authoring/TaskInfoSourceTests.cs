using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>APG0018: a [TaskInfoSource] member the generated Status cannot use, or never reads.</summary>
public sealed class TaskInfoSourceTests
{
    private const string Handlers = """
            public Meta Create(TaskContext task) => new("x");
            public Res Get(Meta meta) => new(State.Done, null, null);
            public void Delete(Meta meta) { }

        """;

    /// <summary>The plugin's usual types with a third resource member; <paramref name="info"/> declares it.</summary>
    private static string Types(string info) => Plugin.Types.Replace(
        "[property: PhaseMessage] string? Error)",
        "[property: PhaseMessage] string? Error, " + info + ")",
        StringComparison.Ordinal);

    [Fact]
    public Task Nullable_task_info_property_is_fine() => Verify.VerifyAsync(
        Plugin.Source(types: Types("[property: TaskInfoSource] TaskInfo? Info"), members: Handlers));

    [Fact]
    public Task Task_info_field_inherited_from_a_base_class_is_fine() => Verify.VerifyAsync(
        Plugin.Source(
            types: """
                public sealed record Meta(string Id);
                public class ResBase { [TaskInfoSource] public TaskInfo Info = new(); }
                public sealed class Res : ResBase { [PhaseSource] public State State { get; init; } }
                public enum State { [Phase(TaskPhase.Success)] Done }

                """,
            members: "    public Meta Create(TaskContext task) => new(\"x\");\n    public Res Get(Meta meta) => new();\n    public void Delete(Meta meta) { }\n"));

    [Fact]
    public Task Task_info_source_with_string_states_is_fine() => Verify.VerifyAsync(
        Plugin.Source(
            types: "public sealed record Meta(string Id);\npublic sealed record Res([property: PhaseSource] string State, [property: TaskInfoSource] TaskInfo? Info);\n",
            attributes: "[AsyncPlugin(\"t\")]\n[PhaseMapping(\"DONE\", TaskPhase.Success)]\n[DefaultPhase(TaskPhase.Running)]",
            members: "    public Meta Create(TaskContext task) => new(\"x\");\n    public Res Get(Meta meta) => new(\"DONE\", null);\n    public void Delete(Meta meta) { }\n"));

    [Fact]
    public Task Handwritten_status_without_the_attribute_is_fine() => Verify.VerifyAsync(
        Plugin.Source(
            types: Types("TaskInfo? Info"),
            members: Handlers + "    public static PhaseInfo Status(Res resource) => PhaseInfo.Success(info: resource.Info);\n"));

    [Fact]
    public Task Member_that_is_not_a_task_info_is_reported() => Verify.VerifyAsync(
        Plugin.Source(types: Types("[property: TaskInfoSource] string? {|#1:Console|}"), members: Handlers),
        Verify.Diagnostic(Descriptors.IgnoredTaskInfoSource).WithLocation(1)
            .WithArguments("Console", "P", "its type is 'string?', not TaskInfo; build a TaskInfo in Get and keep it in a TaskInfo (or TaskInfo?) member"));

    [Fact]
    public Task Two_task_info_sources_are_both_reported() => Verify.VerifyAsync(
        Plugin.Source(
            types: Types("[property: TaskInfoSource] TaskInfo? {|#1:Logs|}, [property: TaskInfoSource] TaskInfo? {|#2:Custom|}"),
            members: Handlers.Replace("new(State.Done, null, null)", "new(State.Done, null, null, null)", StringComparison.Ordinal)),
        Verify.Diagnostic(Descriptors.IgnoredTaskInfoSource).WithLocation(1).WithArguments("Logs", "P", "2 members of 'Res' are marked [TaskInfoSource] (Logs, Custom); keep it on exactly one"),
        Verify.Diagnostic(Descriptors.IgnoredTaskInfoSource).WithLocation(2).WithArguments("Custom", "P", "2 members of 'Res' are marked [TaskInfoSource] (Logs, Custom); keep it on exactly one"));

    [Fact]
    public Task Member_without_a_readable_getter_is_reported() => Verify.VerifyAsync(
        Plugin.Source(
            types: """
                public sealed record Meta(string Id);
                public sealed class Res
                {
                    [PhaseSource] public State State { get; init; }
                    [TaskInfoSource] public TaskInfo? {|#1:Info|} { private get; init; }
                }
                public enum State { [Phase(TaskPhase.Success)] Done }

                """,
            members: "    public Meta Create(TaskContext task) => new(\"x\");\n    public Res Get(Meta meta) => new();\n    public void Delete(Meta meta) { }\n"),
        Verify.Diagnostic(Descriptors.IgnoredTaskInfoSource).WithLocation(1)
            .WithArguments("Info", "P", "it is not readable from the plugin's assembly; make it (and its getter) public or internal"));

    [Fact]
    public Task Attribute_on_a_plugin_with_a_handwritten_status_is_reported() => Verify.VerifyAsync(
        Plugin.Source(
            types: Types("[property: TaskInfoSource] TaskInfo? {|#1:Info|}"),
            members: Handlers + "    public static PhaseInfo Status(Res resource) => PhaseInfo.Success(info: resource.Info);\n"),
        Verify.Diagnostic(Descriptors.IgnoredTaskInfoSource).WithLocation(1)
            .WithArguments("Info", "P", "the plugin writes Status itself, so only that Status decides what its phases carry; pass the member there (info: resource.Info) and remove the attribute"));
}
