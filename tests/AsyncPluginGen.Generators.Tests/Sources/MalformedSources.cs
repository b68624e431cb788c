namespace AsyncPluginGen.Generators.Tests.Sources;

// One file on purpose: the malformed-input corpus is one catalogue, read top to bottom; the parity and never-crash tests run every entry.

/// <summary>One malformed or unusual declaration and what the generator should do with it.</summary>
/// <param name="Source">The whole source file.</param>
/// <param name="InputCompiles">Whether the source compiles without errors before the generator runs (warnings allowed).</param>
/// <param name="Generated">
/// The plugin files (hint names, the registry excluded) the generator must emit, in any order; empty when it must
/// skip every class; null when both are acceptable as long as the output compiles (syntax errors, inputs the
/// generator may either implement correctly or leave to the analyzers).
/// </param>
internal sealed record MalformedCase(string Source, bool InputCompiles, string[]? Generated);

/// <summary>
/// A corpus of malformed and unusual plugin declarations. The generator must never throw, never report a
/// diagnostic, and never emit code that adds a compile error; for anything it cannot implement it emits nothing.
/// Every class lives in namespace Bad (or below), so each case can share a compilation with <see cref="PluginSources"/>.
/// </summary>
internal static class MalformedSources
{
    public const string RegistryHint = "AsyncPluginGen.PluginRegistry.g.cs";

    private static readonly string[] Skipped = [];
    private static readonly string[] P = ["Bad.P.g.cs"];

    private const string Usings = """
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        """;

    /// <summary>The meta and a string-state resource most cases use.</summary>
    private const string Types = """
        public sealed record Meta(string Id);
        public sealed record Res([property: PhaseSource] string State);

        """;

    private const string Attributes = """
        [AsyncPlugin("bad")]
        [PhaseMapping("done", TaskPhase.Success)]
        """;

    private const string Create = "    public Meta Create(TaskContext task) => new(task.UniqueName);\n";
    private const string Get = "    public Res Get(Meta meta) => new(\"done\");\n";
    private const string Delete = "    public void Delete(Meta meta) { }\n";
    private const string Handlers = Create + Get + Delete;

    /// <summary>A whole file in namespace Bad: the usings, the types, then a class with the given parts.</summary>
    private static string Plugin(
        string members = Handlers,
        string declaration = "public sealed partial class P",
        string attributes = Attributes,
        string types = Types,
        string extra = "",
        string ns = "Bad") =>
        Usings + $"namespace {ns};\n\n" + types + "\n" + attributes + "\n" + declaration + "\n{\n" + members + "}\n" + extra;

    /// <summary>The template with every default: a valid plugin, generated as Bad.P.g.cs. Not part of the corpus.</summary>
    public static string Baseline => Plugin();

    public static readonly IReadOnlyDictionary<string, MalformedCase> Cases = new Dictionary<string, MalformedCase>
    {
        // ---- The class itself ----
        ["NotPartial"] = new(Plugin(declaration: "public sealed class P"), true, Skipped),
        ["GenericPluginClass"] = new(Plugin(declaration: "public sealed partial class P<T>"), true, Skipped),
        ["NestedPluginClass"] = new(
            Usings + "namespace Bad;\n\n" + Types + "public static partial class Outer\n{\n" + Attributes + "\npublic sealed partial class P\n{\n" + Handlers + "}\n}\n",
            true,
            Skipped),
        ["StaticClass"] = new(
            Plugin(
                declaration: "public static partial class P",
                members: """
                    public static Meta Create(TaskContext task) => new(task.UniqueName);
                    public static Res Get(Meta meta) => new("done");
                    public static void Delete(Meta meta) { }

                """),
            true,
            Skipped),
        ["AbstractClass"] = new(Plugin(declaration: "public abstract partial class P"), true, Skipped),
        ["OnStruct"] = new(Plugin(declaration: "public partial struct P"), false, Skipped),
        ["OnInterface"] = new(Plugin(declaration: "public partial interface P", members: "    Meta Create(TaskContext task);\n"), false, Skipped),
        ["OnEnum"] = new(Plugin(declaration: "public enum P", members: "    A, B,\n"), false, Skipped),
        ["OnRecordStruct"] = new(Plugin(declaration: "public partial record struct P"), false, Skipped),
        ["PrivateConstructorOnly"] = new(Plugin(members: "    private P() { }\n" + Handlers), true, Skipped),
        ["ConstructorWithRefParameter"] = new(Plugin(members: "    public P(ref int seed) { seed++; }\n" + Handlers), true, Skipped),
        ["ConstructorWithInParameter"] = new(Plugin(members: "    public P(in int seed) { }\n" + Handlers), true, Skipped),
        ["ParamsConstructor"] = new(
            Plugin(members: "    public P(params Dep[] deps) { }\n" + Handlers, extra: "public sealed class Dep { }\n"),
            true,
            Skipped),
        ["NullableValueTypeConstructorParameter"] = new(Plugin(members: "    public P(int? limit) { }\n" + Handlers), true, Skipped),
        ["OptionalConstructorParameters"] = new(
            Plugin(
                members: "    public P(Dep dep, Dep? optional = null, int retries = 3, CancellationToken ct = default, string name = \"x\") { }\n" + Handlers,
                extra: "public sealed class Dep { }\n"),
            true,
            P),
        ["KeywordConstructorParameters"] = new(
            Plugin(
                declaration: "public sealed partial class P(Dep @class, Dep @event, Dep @this, Dep services, Dep @await, Dep @var, Dep task)",
                extra: "public sealed class Dep { }\n"),
            true,
            P),
        ["ImplementsIPluginByHand"] = new(
            Plugin(
                declaration: "public sealed partial class P : IPlugin",
                members: Handlers + """
                    public PluginDescriptor Descriptor => throw new System.NotSupportedException();
                    public PluginConfig GetConfig() => new();

                """),
            true,
            Skipped),
        // The descriptor and configuration are explicit implementations now: these names are the author's to use.
        ["AuthorMemberNamedAsyncPluginDescriptor"] = new(Plugin(members: Handlers + "    public static string AsyncPluginDescriptor => \"mine\";\n"), true, P),
        ["AuthorMemberNamedAsyncPluginConfig"] = new(Plugin(members: Handlers + "    public int AsyncPluginConfig;\n"), true, P),
        ["AuthorMemberNamedAsyncPluginMetaSerializer"] = new(Plugin(members: Handlers + "    public int AsyncPluginMetaSerializer;\n"), true, Skipped),
        ["FileLocalClass"] = new(Plugin(declaration: "file sealed partial class P"), true, Skipped),
        ["PartialOnOnlyOnePart"] = new(
            Plugin(members: Create, extra: "public sealed class P\n{\n" + Get + "}\n"),
            false,
            Skipped),
        ["SplitWithAttributeOnBothParts"] = new(
            Plugin(members: Create, extra: "[AsyncPlugin(\"bad2\")]\npublic sealed partial class P\n{\n" + Get + "}\n"),
            false,
            Skipped),
        ["RecordPlugin"] = new(Plugin(declaration: "public sealed partial record P(string Region)"), true, P),
        ["RequiredMember"] = new(
            Plugin(members: Handlers + "    public required Dep Dependency { get; init; }\n", extra: "public sealed class Dep { }\n"),
            true,
            null),
        // A required value-type member cannot be injected, so the generated factory could not create the plugin.
        ["RequiredValueTypeMember"] = new(Plugin(members: Handlers + "    public required int Retries { get; init; }\n"), true, Skipped),
        ["DerivedFromAnotherPlugin"] = new(
            Plugin(
                declaration: "public partial class BasePlugin",
                extra: """

                [AsyncPlugin("derived")]
                [PhaseMapping("done", TaskPhase.Success)]
                public sealed partial class DerivedPlugin : BasePlugin
                {
                    public new Meta Create(TaskContext task) => new("d" + task.UniqueName);
                    public new Res Get(Meta meta) => new("done");
                }

                """),
            true,
            null),

        // ---- The attribute ----
        ["DuplicateAttribute"] = new(Plugin(attributes: "[AsyncPlugin(\"a\")]\n[AsyncPlugin(\"b\")]\n[PhaseMapping(\"done\", TaskPhase.Success)]"), false, Skipped),
        ["AsyncAndSyncAttributes"] = new(
            Plugin(
                attributes: "[AsyncPlugin(\"a\")]\n[SyncPlugin(\"b\")]\n[PhaseMapping(\"done\", TaskPhase.Success)]",
                members: Handlers + "    public PhaseInfo Do(TaskContext task) => PhaseInfo.Success();\n"),
            true,
            P),
        ["EmptyTaskType"] = new(Plugin(attributes: "[AsyncPlugin(\"\")]\n[PhaseMapping(\"done\", TaskPhase.Success)]"), true, Skipped),
        ["NoTaskTypes"] = new(Plugin(attributes: "[AsyncPlugin]\n[PhaseMapping(\"done\", TaskPhase.Success)]"), true, Skipped),
        ["EmptyTaskTypeArray"] = new(Plugin(attributes: "[AsyncPlugin(new string[0])]\n[PhaseMapping(\"done\", TaskPhase.Success)]"), true, Skipped),
        ["NullTaskTypeArray"] = new(Plugin(attributes: "[AsyncPlugin(null)]\n[PhaseMapping(\"done\", TaskPhase.Success)]"), true, Skipped),
        ["NullTaskTypeElement"] = new(Plugin(attributes: "[AsyncPlugin(\"a\", null)]\n[PhaseMapping(\"done\", TaskPhase.Success)]"), true, Skipped),
        ["WhitespaceTaskType"] = new(Plugin(attributes: "[AsyncPlugin(\"a\", \" \\t \")]\n[PhaseMapping(\"done\", TaskPhase.Success)]"), true, Skipped),
        ["UndefinedConstantTaskType"] = new(Plugin(attributes: "[AsyncPlugin(Missing.Name)]\n[PhaseMapping(\"done\", TaskPhase.Success)]"), false, Skipped),
        ["AttributeArgumentTypeError"] = new(Plugin(attributes: "[AsyncPlugin(\"bad\", Version = \"two\")]\n[PhaseMapping(\"done\", TaskPhase.Success)]"), false, null),
        ["DuplicateTaskTypesInOneAttribute"] = new(Plugin(attributes: "[AsyncPlugin(\"same\", \"same\", nameof(P))]\n[PhaseMapping(\"done\", TaskPhase.Success)]"), true, P),
        ["AttributeViaAlias"] = new(
            "using AP = AsyncPluginGen.AsyncPluginAttribute;\n" + Plugin(attributes: "[AP(\"alias\")]\n[PhaseMapping(\"done\", TaskPhase.Success)]"),
            true,
            P),
        ["MissingUsing"] = new(
            Plugin().Replace("using AsyncPluginGen;\n", "", StringComparison.Ordinal),
            false,
            Skipped),
        ["ForeignAsyncPluginAttribute"] = new(
            """
            using System;
            using Other;

            namespace Other
            {
                [AttributeUsage(AttributeTargets.Class)]
                public sealed class AsyncPluginAttribute(params string[] taskTypes) : Attribute
                {
                    public string[] TaskTypes { get; } = taskTypes;
                }
            }

            namespace Bad
            {
                public sealed record Meta(string Id);
                public sealed record Res(string State);

                [AsyncPlugin("bad")]
                public sealed partial class P
                {
                    public Meta Create(AsyncPluginGen.TaskContext task) => new(task.UniqueName);
                    public Res Get(Meta meta) => new("done");
                    public static AsyncPluginGen.PhaseInfo Status(Res resource) => AsyncPluginGen.PhaseInfo.Success();
                }
            }
            """,
            true,
            Skipped),

        // ---- Handlers ----
        ["MissingCreate"] = new(Plugin(members: Get + Delete), true, Skipped),
        ["MissingGet"] = new(Plugin(members: Create + Delete), true, Skipped),
        ["CreateWrongParameter"] = new(Plugin(members: "    public Meta Create(string name) => new(name);\n" + Get), true, Skipped),
        ["CreateReturnsNonGenericTask"] = new(Plugin(members: "    public Task Create(TaskContext task) => Task.CompletedTask;\n" + Get), true, Skipped),
        ["GenericCreate"] = new(Plugin(members: "    public Meta Create<T>(TaskContext task) => new(task.UniqueName);\n" + Get), true, Skipped),
        ["CreateInBaseClassOnly"] = new(
            Plugin(
                declaration: "public sealed partial class P : PluginBase",
                members: Get,
                extra: "public abstract class PluginBase\n{\n" + Create + "}\n"),
            true,
            Skipped),
        ["GetParameterDiffersFromMeta"] = new(
            Plugin(members: Create + "    public Res Get(Other other) => new(\"done\");\n", extra: "public sealed record Other(string Id);\n"),
            true,
            Skipped),
        ["GetReturnsVoid"] = new(Plugin(members: Create + "    public void Get(Meta meta) { }\n"), true, Skipped),
        ["AmbiguousCreateOverloads"] = new(
            Plugin(members: Create + "    public ValueTask<Meta> CreateAsync(TaskContext task, CancellationToken ct) => new(new Meta(task.UniqueName));\n" + Get),
            true,
            Skipped),
        ["AmbiguousGetOverloads"] = new(
            Plugin(members: Create + Get + "    public Task<Res> GetAsync(Meta meta, CancellationToken ct) => Task.FromResult(new Res(\"done\"));\n"),
            true,
            Skipped),
        ["AmbiguousDeleteOverloads"] = new(
            Plugin(members: Create + Get + Delete + "    public Task DeleteAsync(Meta meta, DeleteReason reason) => Task.CompletedTask;\n"),
            true,
            Skipped),
        ["HandlerOverloadsOneValid"] = new(
            Plugin(members: Create + Get + Delete + """
                    public Meta Create(string name) => new(name);
                    public Res Get(Meta meta, int attempt) => new("done");
                    public Res Get<T>(T meta) => new("done");
                    public void Delete(Meta meta, int retries = 0) { }

                """),
            true,
            P),
        // A misspelt handler name: the analyzers suggest the name that was probably meant.
        ["NearMissGetName"] = new(Plugin(members: Create + "    public Res GetAsnyc(Meta meta) => new(\"done\");\n" + Delete), true, Skipped),
        // Both overloads have the accepted shape ("in" is allowed): the generated call would be ambiguous.
        ["TwoUsableResourceRequirements"] = new(
            Plugin(members: Handlers + """
                    public ResourceRequirements GetResourceRequirements(TaskContext task) => ResourceRequirements.Default;
                    public static ResourceRequirements GetResourceRequirements(in TaskContext task) => ResourceRequirements.Default;

                """),
            true,
            Skipped),
        ["DeleteWrongSignature"] = new(Plugin(members: Create + Get + "    public void Delete(Meta meta, int force) { }\n"), true, Skipped),
        ["DeleteReturnsValue"] = new(Plugin(members: Create + Get + "    public Task<int> DeleteAsync(Meta meta) => Task.FromResult(1);\n"), true, Skipped),
        ["ResourceRequirementsWrongSignature"] = new(
            Plugin(members: Handlers + "    public ResourceRequirements GetResourceRequirements(string taskType) => ResourceRequirements.Default;\n"),
            true,
            Skipped),
        ["CreatedOfNullableValueTypes"] = new(
            Plugin(
                members: """
                    public Created<int?, long?> Create(TaskContext task) => new(1, 2L);
                    public long? Get(int? meta) => 2;
                    public static PhaseInfo Status(long? resource) => PhaseInfo.Success();

                """),
            true,
            Skipped),
        ["GetReturnsDynamic"] = new(
            Plugin(members: Create + "    public dynamic Get(Meta meta) => new Res(\"done\");\n    public static PhaseInfo Status(dynamic resource) => PhaseInfo.Success();\n"),
            true,
            Skipped),
        ["NullableAnnotations"] = new(
            Plugin(
                members: """
                    public Task<Created<Meta?, Res?>> CreateAsync(TaskContext task) => Task.FromResult(new Created<Meta?, Res?>(new Meta(task.UniqueName)));
                    public Task<Res?> GetAsync(Meta? meta) => Task.FromResult<Res?>(new Res("done"));
                    public void Delete(Meta? meta) { }

                """),
            true,
            P),
        ["MetaSameAsResource"] = new(
            Plugin(
                types: "public sealed record Job([property: PhaseSource] string State);\n",
                members: "    public Job Create(TaskContext task) => new(\"running\");\n    public Job Get(Job job) => job;\n"),
            true,
            P),
        ["TupleMetaWithKeywordNames"] = new(
            Plugin(
                members: """
                    public (string @class, int @event) Create(TaskContext task) => (task.UniqueName, 1);
                    public Res Get((string @class, int @event) meta) => new(meta.@class);

                """),
            true,
            P),
        ["PrivateNestedMetaAndResource"] = new(
            Plugin(
                types: "",
                members: """
                    private sealed record Meta(string Id);
                    private sealed record Res([property: PhaseSource] string State);
                    private Meta Create(TaskContext task) => new(task.UniqueName);
                    private Res Get(Meta meta) => new("done");

                """),
            true,
            P),
        ["ObsoleteErrorHandler"] = new(
            Plugin(members: "    [System.Obsolete(\"use something else\", error: true)]\n" + Create + Get),
            true,
            null),
        ["ObsoleteErrorConstructor"] = new(
            Plugin(members: "    [System.Obsolete(\"retired\", error: true)]\n    public P() { }\n" + Handlers),
            true,
            null),
        ["ObsoleteErrorPluginClass"] = new(
            Plugin(attributes: "[System.Obsolete(\"retired\", error: true)]\n" + Attributes),
            true,
            null),
        ["ExperimentalHandler"] = new(
            Plugin(members: Create + "    [System.Diagnostics.CodeAnalysis.Experimental(\"BAD001\")]\n" + Get),
            true,
            null),
        ["SyntaxErrorMissingBraces"] = new(
            Plugin(members: "    public Meta Create(TaskContext task)\n        return new(task.UniqueName);\n" + Get + "    public void Delete(Meta meta) {\n").TrimEnd().TrimEnd('}'),
            false,
            null),
        ["SyntaxErrorHalfTypedMethod"] = new(
            Plugin(members: Create + "    public Res Get(Meta meta) => new(\n    public void Dele\n"),
            false,
            null),
        ["SyntaxErrorUnterminatedAttribute"] = new(
            Plugin(attributes: "[AsyncPlugin(\"bad\"\n[PhaseMapping(\"done\", TaskPhase.Success)]"),
            false,
            null),

        // ---- Status ----
        ["StatusWrongSignature"] = new(Plugin(members: Handlers + "    public PhaseInfo Status(string state) => PhaseInfo.Running();\n"), true, Skipped),
        ["AmbiguousStatusHandlers"] = new(
            Plugin(members: Handlers + """
                    public static PhaseInfo Status(Res resource) => PhaseInfo.Running();
                    public static PhaseInfo Status(in StatusContext<Meta, Res> context) => PhaseInfo.Running();

                """),
            true,
            Skipped),
        ["StatusMethodAndPhaseSource"] = new(Plugin(members: Handlers + "    public static PhaseInfo Status(Res resource) => PhaseInfo.Running();\n"), true, P),
        ["NoPhaseSourceNoStatus"] = new(Plugin(types: "public sealed record Meta(string Id);\npublic sealed record Res(string State);\n"), true, Skipped),
        ["PhaseSourceOnInt"] = new(
            Plugin(
                types: "public sealed record Meta(string Id);\npublic sealed record Res([property: PhaseSource] int State);\n",
                members: Create + "    public Res Get(Meta meta) => new(1);\n"),
            true,
            Skipped),
        ["TwoPhaseSources"] = new(
            Plugin(types: "public sealed record Meta(string Id);\npublic sealed record Res([property: PhaseSource] string State, [property: PhaseSource] string Other);\n",
                members: Create + "    public Res Get(Meta meta) => new(\"done\", \"x\");\n"),
            true,
            Skipped),
        ["PhaseSourceNotReadable"] = new(
            Plugin(types: "public sealed record Meta(string Id);\npublic sealed class Res\n{\n    [PhaseSource] public string State { private get; init; } = \"\";\n}\n",
                members: Create + "    public Res Get(Meta meta) => new();\n"),
            true,
            Skipped),
        ["PhaseSourceInheritedFromBase"] = new(
            Plugin(types: "public sealed record Meta(string Id);\npublic class ResBase\n{\n    [PhaseSource] public string State { get; init; } = \"done\";\n}\npublic sealed class Res : ResBase { }\n",
                members: Create + "    public Res Get(Meta meta) => new();\n"),
            true,
            P),
        ["PhaseSourceHiddenByDerivedMember"] = new(
            Plugin(types: "public sealed record Meta(string Id);\npublic class ResBase\n{\n    [PhaseSource] public string State { get; init; } = \"done\";\n}\npublic sealed class Res : ResBase\n{\n    public new int State => 42;\n}\n",
                members: Create + "    public Res Get(Meta meta) => new();\n"),
            true,
            null),
        ["PhaseMessageHiddenByDerivedMember"] = new(
            Plugin(
                types: "public sealed record Meta(string Id);\npublic class ResBase\n{\n    [PhaseSource] public string State { get; init; } = \"done\";\n    [PhaseMessage] public string? Error { get; init; }\n}\npublic sealed class Res : ResBase\n{\n    public new int Error => 42;\n}\n",
                attributes: Attributes + "\n[PhaseMapping(\"failed\", TaskPhase.PermanentFailure)]",
                members: Create + "    public Res Get(Meta meta) => new();\n"),
            true,
            null),
        // [TaskInfoSource] that cannot be used is ignored, never a reason to skip the plugin: its phases stay right.
        ["TaskInfoSourceOnString"] = new(
            Plugin(types: "public sealed record Meta(string Id);\npublic sealed record Res([property: PhaseSource] string State, [property: TaskInfoSource] string? Console);\n",
                members: Create + "    public Res Get(Meta meta) => new(\"done\", \"https://console.example\");\n"),
            true,
            P),
        ["TwoTaskInfoSources"] = new(
            Plugin(types: "public sealed record Meta(string Id);\npublic sealed record Res([property: PhaseSource] string State, [property: TaskInfoSource] TaskInfo? Info, [property: TaskInfoSource] TaskInfo? More);\n",
                members: Create + "    public Res Get(Meta meta) => new(\"done\", null, null);\n"),
            true,
            P),
        ["TaskInfoSourceNotReadable"] = new(
            Plugin(types: "public sealed record Meta(string Id);\npublic sealed class Res\n{\n    [PhaseSource] public string State { get; init; } = \"done\";\n    [TaskInfoSource] public TaskInfo? Info { private get; init; }\n}\n",
                members: Create + "    public Res Get(Meta meta) => new();\n"),
            true,
            P),
        ["TaskInfoSourceWithHandwrittenStatus"] = new(
            Plugin(types: "public sealed record Meta(string Id);\npublic sealed record Res(string State, [property: TaskInfoSource] TaskInfo? Info);\n",
                attributes: "[AsyncPlugin(\"bad\")]",
                members: Create + "    public Res Get(Meta meta) => new(\"done\", null);\n    public static PhaseInfo Status(Res resource) => PhaseInfo.Success();\n"),
            true,
            P),
        ["TaskInfoSourceHiddenByDerivedMember"] = new(
            Plugin(types: "public sealed record Meta(string Id);\npublic class ResBase\n{\n    [PhaseSource] public string State { get; init; } = \"done\";\n    [TaskInfoSource] public TaskInfo? Info;\n}\npublic sealed class Res : ResBase\n{\n    public new string Info => \"hidden\";\n}\n",
                members: Create + "    public Res Get(Meta meta) => new();\n"),
            true,
            P),
        ["PhaseOutOfRange"] = new(
            Plugin(
                types: "public sealed record Meta(string Id);\npublic sealed record Res([property: PhaseSource] Kind State);\npublic enum Kind { [Phase((TaskPhase)99)] A, [Phase(TaskPhase.Success)] B }\n",
                members: Create + "    public Res Get(Meta meta) => new(Kind.B);\n"),
            true,
            Skipped),
        ["EnumAliasesWithDifferentMappings"] = new(
            Plugin(
                types: "public sealed record Meta(string Id);\npublic sealed record Res([property: PhaseSource] Kind State);\npublic enum Kind { [Phase(TaskPhase.Running)] A = 1, [Phase(TaskPhase.Success)] B = 1, [Phase(TaskPhase.Queued)] C = 2 }\n",
                members: Create + "    public Res Get(Meta meta) => new(Kind.B);\n"),
            true,
            P),
        ["EnumWithUnusualUnderlyingValues"] = new(
            Plugin(
                types: """
                    public sealed record Meta(string Id);
                    public sealed record Res([property: PhaseSource] Big? State);
                    [System.Flags]
                    public enum Big : ulong
                    {
                        [Phase(TaskPhase.Running)] None = 0,
                        [Phase(TaskPhase.Success)] Max = ulong.MaxValue,
                        [Phase(TaskPhase.Aborted)] AlsoMax = 18446744073709551615,
                        [Phase(TaskPhase.RetryableFailure, Kind = (ExecutionErrorKind)7, Cleanup = true)] High = 1UL << 63,
                    }

                    """,
                members: Create + "    public Res Get(Meta meta) => new(Big.Max);\n"),
            true,
            P),
        ["KeywordEnumMember"] = new(
            Plugin(
                types: "public sealed record Meta(string Id);\npublic sealed record Res([property: PhaseSource] Kind State);\npublic enum Kind { [Phase(TaskPhase.Running)] @class, [Phase(TaskPhase.Success)] @default }\n",
                members: Create + "    public Res Get(Meta meta) => new(Kind.@default);\n"),
            true,
            P),
        ["KeywordPhaseSourceMember"] = new(
            Plugin(
                types: "public sealed record Meta(string Id);\npublic sealed record Res([property: PhaseSource] string @event, [property: PhaseMessage] string? @string);\n",
                attributes: Attributes + "\n[PhaseMapping(\"failed\", TaskPhase.PermanentFailure)]",
                members: Create + "    public Res Get(Meta meta) => new(\"done\", null);\n"),
            true,
            P),
        ["PhaseMappingNullState"] = new(Plugin(attributes: "[AsyncPlugin(\"bad\")]\n[PhaseMapping(null, TaskPhase.Success)]"), true, Skipped),
        ["DuplicatePhaseMappingStates"] = new(
            Plugin(attributes: Attributes + "\n[PhaseMapping(\"done\", TaskPhase.PermanentFailure)]\n[PhaseMapping(\"running\", TaskPhase.Running)]"),
            true,
            P),
        ["DefaultPhaseOutOfRange"] = new(Plugin(attributes: Attributes + "\n[DefaultPhase((TaskPhase)(-1))]"), true, Skipped),
        ["LoneSurrogateStates"] = new(
            Plugin(attributes: Attributes + "\n[PhaseMapping(\"\\uD800\", TaskPhase.Running)]\n[PhaseMapping(\"\\uD801\", TaskPhase.Queued)]\n[PhaseMapping(\"\\uDC00\\uD800\", TaskPhase.Aborted)]"),
            true,
            P),

        // ---- Configuration and literals ----
        ["ResourceQuotaNullNamespace"] = new(Plugin(attributes: Attributes + "\n[ResourceQuota(null, 5)]"), true, Skipped),
        ["ExtremeConfigValues"] = new(
            Plugin(
                attributes: """
                    [AsyncPlugin("extreme", Version = int.MinValue, Id = "")]
                    [PhaseMapping("done", TaskPhase.Success)]
                    [RateLimits(ReadQps = double.NaN, ReadBurst = int.MinValue, WriteQps = double.NegativeInfinity, WriteBurst = int.MaxValue)]
                    [Caching(Size = -1, ResyncSeconds = int.MinValue, Workers = 0, MaxSystemFailures = int.MaxValue)]
                    [ResourceQuota("", int.MinValue, ProjectLimit = long.MaxValue, NamespaceLimit = long.MinValue)]
                    [ResourceQuota("dup", 1)]
                    [ResourceQuota("dup", 2)]
                    """,
                extra: """

                    [AsyncPlugin("extreme2", Version = int.MaxValue)]
                    [PhaseMapping("done", TaskPhase.Success)]
                    [RateLimits(ReadQps = double.Epsilon, WriteQps = -0.0, ReadBurst = 0)]
                    [ResourceQuota("tiny", 1, ProjectLimit = 1, NamespaceLimit = long.MaxValue)]
                    public sealed partial class P2
                    {
                        public Meta Create(TaskContext task) => new(task.UniqueName);
                        public Res Get(Meta meta) => new("done");
                    }

                    """),
            true,
            ["Bad.P.g.cs", "Bad.P2.g.cs"]),
        ["EscapedStringsEverywhere"] = new(
            Plugin(attributes: """
                [AsyncPlugin("quote\"back\\slash", "new\nline", "tab\t", "nul\0", "emoji😀", "{0}", Id = "id\"\r\n*/")]
                [PhaseMapping("\"quoted\"", TaskPhase.Running, Reason = "*/ /* \" \\ {0}")]
                [PhaseMapping("line\nbreak", TaskPhase.PermanentFailure, Code = "code\"x", Reason = "\u2028\u2029\u0085")]
                [PhaseMapping("", TaskPhase.Success)]
                [ResourceQuota("ns\"x\\", 3)]
                [DefaultPhase(TaskPhase.Running, Reason = "{{}} $\"x\"")]
                """),
            true,
            P),

        // ---- Names ----
        ["UnicodeIdentifiers"] = new(
            """
            using AsyncPluginGen;

            namespace Bad.Ünïcødé;

            public sealed record Мета(string Ид);
            public sealed record Ресурс([property: PhaseSource] Состояние Состояние, [property: PhaseMessage] string? Сообщение);
            public enum Состояние { [Phase(TaskPhase.Running)] Работает, [Phase(TaskPhase.Success)] Готово, [Phase(TaskPhase.PermanentFailure)] Ошибка }
            public sealed class Зависимость { }

            [AsyncPlugin("юникод", Id = "插件")]
            public sealed partial class Плагин(Зависимость зависимость)
            {
                public Мета Create(TaskContext task) => new(task.UniqueName + зависимость);
                public Ресурс Get(Мета мета) => new(Состояние.Готово, null);
            }

            [AsyncPlugin("escaped")]
            [PhaseMapping("done", TaskPhase.Success)]
            public sealed partial class \u0045scaped
            {
                public Мета Create(TaskContext task) => new(task.UniqueName);
                public Res Get(Мета meta) => new("done");
            }

            public sealed record Res([property: PhaseSource] string State);
            """,
            true,
            ["Bad.Ünïcødé.Плагин.g.cs", "Bad.Ünïcødé.Escaped.g.cs"]),
        ["KeywordClassName"] = new(Plugin(declaration: "public sealed partial class @class"), true, ["Bad.class.g.cs"]),
        // Generated (one plugin file, whatever its hint name): see MalformedInputTests.A_plugin_in_a_namespace_with_a_keyword_segment_is_generated.
        ["KeywordNamespace"] = new(Plugin(ns: "Bad.@event"), true, null),
        ["ClassNamesDifferingOnlyInCase"] = new(
            Plugin(
                declaration: "public sealed partial class Plugin",
                extra: "\n[AsyncPlugin(\"lower\")]\n[PhaseMapping(\"done\", TaskPhase.Success)]\npublic sealed partial class plugin\n{\n" + Handlers + "}\n"),
            true,
            null),
        ["TypeNamedVarInPluginNamespace"] = new(Plugin(extra: "public sealed class var { }\n"), true, P),
        ["ShadowingTypeNames"] = new(
            """
            using AsyncPluginGen;

            namespace Bad.AsyncPluginGen
            {
                public sealed class PhaseInfo { }
                public sealed class TaskContext { }
                public sealed class IAsyncPlugin { }
            }

            namespace Bad.System
            {
                public sealed class String { }
                public sealed class Threading { }
            }

            namespace Bad
            {
                public sealed class ValueTask { }
                public sealed class CancellationToken { }
                public sealed class Created { }
                public sealed class GeneratedCodeHelpers { }
                public sealed record Meta(string Id);
                public sealed record Res([property: PhaseSource] string State, [property: PhaseMessage] string? Message);

                [AsyncPlugin("shadow")]
                [PhaseMapping("done", TaskPhase.Success)]
                [PhaseMapping("failed", TaskPhase.RetryableFailure)]
                [DefaultPhase(TaskPhase.Running)]
                public sealed partial class P(Dep dep)
                {
                    public int System => 1;
                    public int AsyncPluginGen => 2;
                    public int global => 3;
                    public int Microsoft => 4;
                    public int services => 5;
                    public Meta Create(global::AsyncPluginGen.TaskContext task) => new(task.UniqueName + dep);
                    public Res Get(Meta meta) => new("done", null);
                    public void Delete(Meta meta) { }
                }

                public sealed class Dep { }
            }
            """,
            true,
            P),
        ["PluginNamedLikeRegistryHint"] = new(
            """
            using AsyncPluginGen;

            namespace AsyncPluginGen;

            public sealed record BadMeta(string Id);
            public sealed record BadRes([property: PhaseSource] string State);

            [AsyncPlugin("registry")]
            [PhaseMapping("done", TaskPhase.Success)]
            public sealed partial class PluginRegistry
            {
                public BadMeta Create(TaskContext task) => new(task.UniqueName);
                public BadRes Get(BadMeta meta) => new("done");
            }
            """,
            true,
            null),
        ["PluginClassNamedGeneratedInRuntimeNamespace"] = new(
            """
            namespace AsyncPluginGen;

            public sealed record BadMeta(string Id);
            public sealed record BadRes([property: PhaseSource] string State);

            [AsyncPlugin("generated")]
            [PhaseMapping("done", TaskPhase.Success)]
            public sealed partial class Generated
            {
                public BadMeta Create(TaskContext task) => new(task.UniqueName);
                public BadRes Get(BadMeta meta) => new("done");
            }
            """,
            true,
            null),
        ["PluginClassNamedMicrosoft"] = new(
            """
            using AsyncPluginGen;

            public sealed record BadMeta(string Id);
            public sealed record BadRes([property: PhaseSource] string State);

            [AsyncPlugin("microsoft")]
            [PhaseMapping("done", TaskPhase.Success)]
            public sealed partial class Microsoft
            {
                public BadMeta Create(TaskContext task) => new(task.UniqueName);
                public BadRes Get(BadMeta meta) => new("done");
            }
            """,
            true,
            null),
        ["TwoPluginsSameTaskType"] = new(
            Plugin(
                declaration: "public sealed partial class First",
                attributes: "[AsyncPlugin(\"dup\")]\n[PhaseMapping(\"done\", TaskPhase.Success)]",
                extra: "\n[AsyncPlugin(\"dup\", \"other\")]\n[PhaseMapping(\"done\", TaskPhase.Success)]\npublic sealed partial class Second\n{\n" + Handlers + "}\n"),
            true,
            ["Bad.First.g.cs", "Bad.Second.g.cs"]),

        // ---- Sync plugins ----
        ["SyncWithoutDo"] = new(Usings + "namespace Bad;\n\n[SyncPlugin(\"sync\")]\npublic sealed partial class S\n{\n    public PhaseInfo Run(TaskContext task) => PhaseInfo.Success();\n}\n", true, Skipped),
        ["SyncDoWrongReturnType"] = new(Usings + "namespace Bad;\n\n[SyncPlugin(\"sync\")]\npublic sealed partial class S\n{\n    public string Do(TaskContext task) => \"done\";\n}\n", true, Skipped),
        ["SyncDoWrongParameter"] = new(Usings + "namespace Bad;\n\n[SyncPlugin(\"sync\")]\npublic sealed partial class S\n{\n    public PhaseInfo Do(string input) => PhaseInfo.Success();\n}\n", true, Skipped),
        ["SyncAmbiguousDo"] = new(
            Usings + "namespace Bad;\n\n[SyncPlugin(\"sync\")]\npublic sealed partial class S\n{\n    public PhaseInfo Do(TaskContext task) => PhaseInfo.Success();\n    public Task<PhaseInfo> DoAsync(TaskContext task, CancellationToken ct) => Task.FromResult(PhaseInfo.Success());\n}\n",
            true,
            Skipped),
        ["SyncOnStruct"] = new(
            Usings + "namespace Bad;\n\n[SyncPlugin(\"sync\")]\npublic partial struct S\n{\n    public PhaseInfo Do(TaskContext task) => PhaseInfo.Success();\n}\n",
            false,
            Skipped),
    };

    /// <summary>The corpus for theories: name → source.</summary>
    public static TheoryData<string, string> Corpus
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (name, malformed) in Cases)
            {
                data.Add(name, malformed.Source);
            }

            return data;
        }
    }
}
