using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>APG0014: the ResourceMeta must survive serialization.</summary>
public sealed class ResourceMetaTests
{
    private static string WithMeta(string metaType, string create, string extraTypes = "") => Plugin.Source(
        types: Plugin.Types.Replace("public sealed record Meta(string Id);\n", extraTypes, StringComparison.Ordinal),
        members: $"    public {metaType} {{|#1:Create|}}(TaskContext task) => {create};\n"
            + $"    public Res Get({metaType} meta) => new(State.Done, null);\n"
            + $"    public void Delete({metaType} meta) {{ }}\n");

    [Theory]
    [InlineData("string", "task.UniqueName")]
    [InlineData("long", "42L")]
    [InlineData("System.Guid", "System.Guid.NewGuid()")]
    [InlineData("JobRef", "new JobRef(\"x\", 1, System.DateTimeOffset.UnixEpoch, new[] { \"a\" })")]
    public Task Plain_data_is_fine(string metaType, string create) =>
        Verify.VerifyAsync(WithMeta(metaType, create, "public sealed record JobRef(string Id, int Attempt, System.DateTimeOffset At, string[] Tags);\n"));

    [Fact]
    public Task Interface_meta_is_reported() => Verify.VerifyAsync(
        WithMeta("IJob", "new Job()", "public interface IJob { }\npublic sealed class Job : IJob { }\n"),
        Verify.Diagnostic(Descriptors.ResourceMetaNotSerializable).WithLocation(1)
            .WithArguments("IJob", "P", "'IJob' is an interface, so the host cannot know which type to create"));

    [Fact]
    public Task Meta_holding_a_live_client_is_reported() => Verify.VerifyAsync(
        WithMeta("Job", "new Job(\"x\", new System.Net.Http.HttpClient())", "public sealed record Job(string Id, System.Net.Http.HttpClient Client);\n"),
        Verify.Diagnostic(Descriptors.ResourceMetaNotSerializable).WithLocation(1)
            .WithArguments("Job", "P", "property 'Client': 'System.Net.Http.HttpClient' is a live object, not data"));

    [Fact]
    public Task Meta_holding_a_token_source_is_reported_as_a_live_object() => Verify.VerifyAsync(
        WithMeta("Job", "new Job(\"x\", new CancellationTokenSource())", "public sealed record Job(string Id, CancellationTokenSource Cancel);\n"),
        Verify.Diagnostic(Descriptors.ResourceMetaNotSerializable).WithLocation(1)
            .WithArguments("Job", "P", "property 'Cancel': 'System.Threading.CancellationTokenSource' is a live object, not data"));

    private const string JobWithIgnoredClient = """
        namespace MyLib { [System.AttributeUsage(System.AttributeTargets.Property)] public sealed class JsonIgnoreAttribute : System.Attribute { } }
        public sealed class Job { public string Id { get; set; } = ""; [IGNORE] public System.Net.Http.HttpClient? Client { get; set; } }

        """;

    [Fact]
    public Task Meta_ignoring_a_live_client_with_JsonIgnore_is_fine() =>
        Verify.VerifyAsync(WithMeta("Job", "new Job()", JobWithIgnoredClient.Replace("IGNORE", "System.Text.Json.Serialization.JsonIgnore", StringComparison.Ordinal)));

    [Fact]
    public Task A_JsonIgnoreAttribute_of_another_namespace_does_not_hide_a_live_client() => Verify.VerifyAsync(
        WithMeta("Job", "new Job()", JobWithIgnoredClient.Replace("IGNORE", "MyLib.JsonIgnore", StringComparison.Ordinal)),
        Verify.Diagnostic(Descriptors.ResourceMetaNotSerializable).WithLocation(1)
            .WithArguments("Job", "P", "property 'Client': 'System.Net.Http.HttpClient?' is a live object, not data"));

    [Fact]
    public Task Meta_class_without_public_properties_is_reported() => Verify.VerifyAsync(
        WithMeta("Handle", "new Handle()", "public sealed class Handle { private string id = \"x\"; public override string ToString() => id; }\n"),
        Verify.Diagnostic(Descriptors.ResourceMetaNotSerializable).WithLocation(1)
            .WithArguments("Handle", "P", "'Handle' exposes no public properties, so nothing of it would be kept"));

    [Fact]
    public Task Tuple_meta_is_reported() => Verify.VerifyAsync(
        WithMeta("(string Id, int Attempt)", "(task.UniqueName, 1)"),
        Verify.Diagnostic(Descriptors.ResourceMetaNotSerializable).WithLocation(1)
            .WithArguments("(string Id, int Attempt)", "P", "a tuple's element names do not exist at run time, so its JSON would have no member names"));

    [Fact]
    public Task Object_meta_is_reported() => Verify.VerifyAsync(
        WithMeta("object", "task.UniqueName"),
        Verify.Diagnostic(Descriptors.ResourceMetaNotSerializable).WithLocation(1)
            .WithArguments("object", "P", "'object' has no shape to serialize"));
}
