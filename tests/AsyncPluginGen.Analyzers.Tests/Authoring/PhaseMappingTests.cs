using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>APG0010–APG0013 and APG0015: how Status is computed.</summary>
public sealed class PhaseMappingTests
{
    private const string StringTypes = """
        public sealed record Meta(string Id);
        public sealed record Res([property: PhaseSource] string State);

        """;

    private const string StringHandlers = """
            public Meta Create(TaskContext task) => new("x");
            public Res Get(Meta meta) => new("DONE");
            public void Delete(Meta meta) { }

        """;

    [Fact]
    public Task Unmapped_enum_member_is_reported_at_the_member() => Verify.VerifyAsync(
        Plugin.Source(types: Plugin.Types.Replace("[Phase(TaskPhase.PermanentFailure)] Failed,", "[Phase(TaskPhase.PermanentFailure)] Failed,\n    {|#1:Cancelled|},", StringComparison.Ordinal)),
        Verify.Diagnostic(Descriptors.UnmappedEnumState).WithLocation(1).WithArguments("Cancelled", "State", "P"));

    [Fact]
    public Task Default_phase_covers_unmapped_enum_members() => Verify.VerifyAsync(
        Plugin.Source(
            attributes: "[AsyncPlugin(\"t\")]\n[DefaultPhase(TaskPhase.Running)]",
            types: Plugin.Types.Replace("[Phase(TaskPhase.PermanentFailure)] Failed,", "[Phase(TaskPhase.PermanentFailure)] Failed,\n    Cancelled,", StringComparison.Ordinal)));

    [Fact]
    public Task Enum_alias_shares_the_first_members_mapping() => Verify.VerifyAsync(
        Plugin.Source(types: Plugin.Types.Replace("[Phase(TaskPhase.Success)] Done,", "[Phase(TaskPhase.Success)] Done,\n    Finished = Done,", StringComparison.Ordinal)));

    [Fact]
    public Task Enum_alias_with_a_different_mapping_is_reported() => Verify.VerifyAsync(
        Plugin.Source(types: Plugin.Types.Replace("[Phase(TaskPhase.Success)] Done,", "[Phase(TaskPhase.Success)] Done,\n    [Phase(TaskPhase.Running)] {|#1:Finished|} = Done,", StringComparison.Ordinal)),
        Verify.Diagnostic(Descriptors.InvalidPhaseMapping).WithLocation(1)
            .WithArguments("'State.Finished' has the same value as 'Done', so it maps to TaskPhase.Success like it; its own [Phase] is ignored"));

    [Fact]
    public Task Phase_value_outside_the_enum_is_reported() => Verify.VerifyAsync(
        Plugin.Source(types: Plugin.Types.Replace("[Phase(TaskPhase.Running)] Running,", "[{|#1:Phase((TaskPhase)42)|}] Running,", StringComparison.Ordinal)),
        Verify.Diagnostic(Descriptors.InvalidPhaseMapping).WithLocation(1)
            .WithArguments("[Phase] on 'State.Running' names phase 42, which is not a TaskPhase member; the mapping is ignored, so use one of TaskPhase's members"));

    [Fact]
    public Task String_states_without_default_are_reported_at_the_attribute() => Verify.VerifyAsync(
        Plugin.Source(types: StringTypes, members: StringHandlers, attributes: "[{|#1:AsyncPlugin(\"t\")|}]\n[PhaseMapping(\"DONE\", TaskPhase.Success)]"),
        Verify.Diagnostic(Descriptors.StringStatesWithoutDefault).WithLocation(1).WithArguments("P"));

    [Fact]
    public Task String_states_with_default_are_fine() => Verify.VerifyAsync(
        Plugin.Source(types: StringTypes, members: StringHandlers, attributes: "[AsyncPlugin(\"t\")]\n[PhaseMapping(\"DONE\", TaskPhase.Success)]\n[DefaultPhase(TaskPhase.Running)]"));

    [Fact]
    public Task Duplicate_string_state_is_reported() => Verify.VerifyAsync(
        Plugin.Source(types: StringTypes, members: StringHandlers,
            attributes: "[AsyncPlugin(\"t\")]\n[DefaultPhase(TaskPhase.Running)]\n[PhaseMapping(\"DONE\", TaskPhase.Success)]\n[{|#1:PhaseMapping(\"DONE\", TaskPhase.Running)|}]"),
        Verify.Diagnostic(Descriptors.InvalidPhaseMapping).WithLocation(1)
            .WithArguments("State \"DONE\" is mapped twice on plugin 'P'; only the first mapping is used, so remove this one"));

    [Fact]
    public Task States_differing_in_case_are_distinct_without_ignore_case() => Verify.VerifyAsync(
        Plugin.Source(types: StringTypes, members: StringHandlers,
            attributes: "[AsyncPlugin(\"t\")]\n[DefaultPhase(TaskPhase.Running)]\n[PhaseMapping(\"DONE\", TaskPhase.Success)]\n[PhaseMapping(\"Done\", TaskPhase.Running)]"));

    [Fact]
    public Task States_differing_in_case_collide_with_ignore_case() => Verify.VerifyAsync(
        Plugin.Source(types: StringTypes.Replace("[property: PhaseSource]", "[property: PhaseSource(IgnoreCase = true)]", StringComparison.Ordinal), members: StringHandlers,
            attributes: "[AsyncPlugin(\"t\")]\n[DefaultPhase(TaskPhase.Running)]\n[PhaseMapping(\"DONE\", TaskPhase.Success)]\n[{|#1:PhaseMapping(\"Done\", TaskPhase.Running)|}]"),
        Verify.Diagnostic(Descriptors.InvalidPhaseMapping).WithLocation(1)
            .WithArguments("State \"Done\" differs from another mapped state of plugin 'P' only in case; with [PhaseSource(IgnoreCase = true)] only the first is used"));

    [Fact]
    public Task Failure_settings_on_a_non_failure_phase_are_reported() => Verify.VerifyAsync(
        Plugin.Source(types: Plugin.Types.Replace("[Phase(TaskPhase.Success)] Done,", "[{|#1:Phase(TaskPhase.Success, Code = \"Done\", Cleanup = true)|}] Done,", StringComparison.Ordinal)),
        Verify.Diagnostic(Descriptors.InvalidPhaseMapping).WithLocation(1)
            .WithArguments("[Phase] on 'State.Done' sets Code, Cleanup, which only apply to failure phases, but maps to TaskPhase.Success; remove them or map to a failure phase"));

    [Fact]
    public Task Failure_settings_on_a_failure_phase_are_fine() => Verify.VerifyAsync(
        Plugin.Source(types: Plugin.Types.Replace("[Phase(TaskPhase.PermanentFailure)] Failed,", "[Phase(TaskPhase.RetryableFailure, Code = \"Capacity\", Kind = ExecutionErrorKind.System, Cleanup = true)] Failed,", StringComparison.Ordinal)));

    [Fact]
    public Task String_mapping_on_an_enum_source_is_ignored_and_reported() => Verify.VerifyAsync(
        Plugin.Source(attributes: "[AsyncPlugin(\"t\")]\n[{|#1:PhaseMapping(\"DONE\", TaskPhase.Success)|}]"),
        Verify.Diagnostic(Descriptors.InvalidPhaseMapping).WithLocation(1)
            .WithArguments("[PhaseMapping] on plugin 'P' is ignored because its state 'State' is the enum 'State'; map enum members with [Phase] instead"));

    [Fact]
    public Task No_phase_source_and_no_status_is_reported() => Verify.VerifyAsync(
        Plugin.Source(types: "public sealed record Meta(string Id);\npublic sealed record Res(string State);\n", members: StringHandlers),
        Verify.Diagnostic(Descriptors.NoStatusSource).WithLocation(0).WithArguments("P", "Res"));

    [Fact]
    public Task Handwritten_status_needs_no_phase_source() => Verify.VerifyAsync(
        Plugin.Source(
            types: "public sealed record Meta(string Id);\npublic sealed record Res(string State);\n",
            members: StringHandlers + "    public static PhaseInfo Status(Res resource) => resource.State == \"DONE\" ? PhaseInfo.Success() : PhaseInfo.Running();\n"));

    [Fact]
    public Task Handwritten_status_taking_the_context_is_fine() => Verify.VerifyAsync(
        Plugin.Source(
            types: "public sealed record Meta(string Id);\npublic sealed record Res(string State);\n",
            members: StringHandlers + "    public PhaseInfo Status(in StatusContext<Meta, Res> context) => PhaseInfo.Running();\n"));

    [Fact]
    public Task Handwritten_status_with_a_wrong_parameter_is_reported() => Verify.VerifyAsync(
        Plugin.Source(
            types: "public sealed record Meta(string Id);\npublic sealed record Res(string State);\n",
            members: StringHandlers + "    public static PhaseInfo {|#1:Status|}(string state) => PhaseInfo.Running();\n"),
        Verify.Diagnostic(Descriptors.UnusableHandlerSignature).WithLocation(1)
            .WithArguments("Status", "Status", "P", "its parameter must be the resource 'Res' or StatusContext<Meta, Res>",
                "PhaseInfo Status(TResource resource) or PhaseInfo Status(in StatusContext<TMeta, TResource> context), static or instance"));

    [Fact]
    public Task Phase_source_of_another_type_is_reported() => Verify.VerifyAsync(
        Plugin.Source(types: "public sealed record Meta(string Id);\npublic sealed record Res([property: PhaseSource] int {|#1:Code|});\n",
            members: "    public Meta Create(TaskContext task) => new(\"x\");\n    public Res Get(Meta meta) => new(1);\n    public void Delete(Meta meta) { }\n"),
        Verify.Diagnostic(Descriptors.InvalidPhaseSource).WithLocation(1)
            .WithArguments("Code", "P", "its type 'int' is neither an enum nor a string; expose the state as one, or write Status by hand"));

    [Fact]
    public Task Two_phase_sources_are_both_reported() => Verify.VerifyAsync(
        Plugin.Source(types: "public sealed record Meta(string Id);\npublic sealed record Res([property: PhaseSource] string {|#1:A|}, [property: PhaseSource] string {|#2:B|});\n",
            attributes: "[AsyncPlugin(\"t\")]\n[DefaultPhase(TaskPhase.Running)]",
            members: "    public Meta Create(TaskContext task) => new(\"x\");\n    public Res Get(Meta meta) => new(\"a\", \"b\");\n    public void Delete(Meta meta) { }\n"),
        Verify.Diagnostic(Descriptors.InvalidPhaseSource).WithLocation(1).WithArguments("A", "P", "2 members of 'Res' are marked [PhaseSource] (A, B); keep it on exactly one"),
        Verify.Diagnostic(Descriptors.InvalidPhaseSource).WithLocation(2).WithArguments("B", "P", "2 members of 'Res' are marked [PhaseSource] (A, B); keep it on exactly one"));

    [Fact]
    public Task Phase_message_that_is_not_a_string_is_reported() => Verify.VerifyAsync(
        Plugin.Source(types: Plugin.Types.Replace("[property: PhaseMessage] string? Error", "[property: PhaseMessage] int {|#1:Error|}", StringComparison.Ordinal),
            members: Plugin.Create + "    public ValueTask<Res> GetAsync(Meta meta, CancellationToken ct) => new(new Res(State.Done, 0));\n" + Plugin.Delete),
        Verify.Diagnostic(Descriptors.InvalidPhaseSource).WithLocation(1)
            .WithArguments("Error", "P", "[PhaseMessage] needs a string, but 'Error' is 'int'; the generated Status ignores it"));

    [Fact]
    public Task Phase_source_inherited_from_a_base_class_is_fine() => Verify.VerifyAsync(
        Plugin.Source(types: """
            public sealed record Meta(string Id);
            public class ResBase { [PhaseSource] public State State { get; init; } }
            public sealed class Res : ResBase { }
            public enum State { [Phase(TaskPhase.Success)] Done }

            """,
            members: "    public Meta Create(TaskContext task) => new(\"x\");\n    public Res Get(Meta meta) => new();\n    public void Delete(Meta meta) { }\n"));
}
