using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>
/// APG0014 reports a meta whose public state would not come back from the generated serializer: a property no
/// constructor parameter and no public setter restores, a constructor parameter no property keeps, a public field.
/// And only those: every way the serializer does restore a value passes.
/// </summary>
public sealed class ResourceMetaRoundTripTests
{
    private static string WithMeta(string types) => Plugin.Source(
        types: Plugin.Types.Replace("public sealed record Meta(string Id);\n", types + "\n", StringComparison.Ordinal),
        members: "    public M {|#1:Create|}(TaskContext task) => default!;\n"
            + "    public Res Get(M meta) => new(State.Done, null);\n"
            + "    public void Delete(M meta) { }\n");

    private static Task Reported(string types, string reason) => Verify.VerifyAsync(
        WithMeta(types),
        Verify.Diagnostic(Descriptors.ResourceMetaNotSerializable).WithLocation(1).WithArguments("M", "P", reason));

    public static TheoryData<string, string> Lossy => new()
    {
        {
            "public sealed class M { public M(string id) { Id = id; Region = \"eu\"; } public string Id { get; } public string Region { get; } }",
            "property 'Region' of 'M' is get-only and no constructor parameter matches it, so its value would not be kept; add a constructor parameter named 'region', compute it with '=>', or mark it [JsonIgnore]"
        },
        {
            "public sealed record M(string Id) { public string Region { get; } = \"eu\"; }",
            "property 'Region' of 'M' is get-only and no constructor parameter matches it, so its value would not be kept; add a constructor parameter named 'region', compute it with '=>', or mark it [JsonIgnore]"
        },
        {
            "public sealed class M { public M(string id, string zone) { Id = id; } public string Id { get; } }",
            "constructor parameter 'zone' of 'M' matches no public property, so its value would not be kept"
        },
        {
            "public sealed class M { public string Id { get; private set; } = \"\"; }",
            "property 'Id' of 'M' is restored by neither a constructor parameter nor a public setter ('private set'), so its value would not be kept; make 'set' public, add a constructor parameter named 'id', or mark it [JsonIgnore]"
        },
        {
            "public sealed class M { public string Id { get; set; } = \"\"; public int Attempt { get; internal set; } }",
            "property 'Attempt' of 'M' is restored by neither a constructor parameter nor a public setter ('internal set'), so its value would not be kept; make 'set' public, add a constructor parameter named 'attempt', or mark it [JsonIgnore]"
        },
        {
            "public sealed record M(string Id) { public int Attempt { get; private init; } }",
            "property 'Attempt' of 'M' is restored by neither a constructor parameter nor a public setter ('private init'), so its value would not be kept; make 'init' public, add a constructor parameter named 'attempt', or mark it [JsonIgnore]"
        },
        {
            "public sealed record M(string Id) { public int Attempt; }",
            "public field 'Attempt' of 'M' is not serialized, only properties are, so its value would not be kept; make it a property or mark it [JsonIgnore]"
        },
        {
            "public record Base { public string Zone { get; protected set; } = \"\"; } public sealed record M(string Id) : Base;",
            "property 'Zone' of 'M' is restored by neither a constructor parameter nor a public setter ('protected set'), so its value would not be kept; make 'set' public, add a constructor parameter named 'zone', or mark it [JsonIgnore]"
        },
        {
            "public sealed record Inner { public string Key { get; private set; } = \"\"; } public sealed record M(string Id, Inner Inner);",
            "property 'Inner': property 'Key' of 'Inner' is restored by neither a constructor parameter nor a public setter ('private set'), so its value would not be kept; make 'set' public, add a constructor parameter named 'key', or mark it [JsonIgnore]"
        },
    };

    [Theory]
    [MemberData(nameof(Lossy))]
    public Task A_value_the_serializer_cannot_restore_is_reported(string types, string reason) => Reported(types, reason);

    public static TheoryData<string> RoundTrips => new()
    {
        "public sealed record M(string Id, int Attempt);",
        "public readonly record struct M(string Id, long Attempt);",
        "public record struct M(string Id, long Attempt);",
        "public sealed class M { public string Id { get; init; } = \"\"; public int Attempt { get; init; } }",
        "public sealed class M { public string Id { get; set; } = \"\"; public int Attempt { get; set; } }",
        "public sealed class M { public required string Id { get; init; } }",
        "public sealed class M { public M(string jobId) { JobId = jobId; } public string JobId { get; } }",
        "public sealed class M { public M(string JOBID) { JobId = JOBID; } public string JobId { get; } }",
        "public sealed class M { public M(string id) { Id = id; } public string Id { get; private set; } }",
        "public sealed record M(string Id) { public string Url => \"https://jobs/\" + Id; public int Length { get { return Id.Length; } } }",
        "public sealed record M(string Id) { [System.Text.Json.Serialization.JsonIgnore] public string Cache { get; } = \"\"; [System.Text.Json.Serialization.JsonIgnore] public int Hits; }",
        "public sealed record M(string Id) { public const int Version = 1; public static int Created; private int _seen; public int Seen() => _seen++; }",
        "public record Base(string Id); public sealed record M(string Id, string Zone) : Base(Id);",
        "public struct M { public M(int x) { X = x; } public int X { get; } }",
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public Task A_meta_the_serializer_restores_is_fine(string types) => Verify.VerifyAsync(WithMeta(types));
}
