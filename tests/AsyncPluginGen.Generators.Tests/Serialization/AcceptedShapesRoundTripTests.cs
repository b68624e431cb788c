using System.Text.Json;
using AsyncPluginGen.Generators.Inspection;
using AsyncPluginGen.Generators.Parsing;
using AsyncPluginGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Tests.Serialization;

/// <summary>
/// APG0014's promise, checked from the other side: every meta shape it accepts (the inspection finds no reason to
/// report) comes back from the generated serializer with the same public state. The state is compared as
/// System.Text.Json sees it with fields included, so computed properties and any public field count too.
/// </summary>
public sealed class AcceptedShapesRoundTripTests
{
    /// <summary>A meta declaration (type M) and an expression creating an M whose values all differ from their defaults.</summary>
    public static TheoryData<string, string> Accepted => new()
    {
        { "public sealed record M(string Id, int Attempt);", "new M(\"job-1\", 3)" },
        { "public readonly record struct M(string Id, long Attempt);", "new M(\"job-1\", 3)" },
        { "public record struct M(string Id, long Attempt);", "new M(\"job-1\", 3)" },
        { "public sealed class M { public string Id { get; init; } = \"\"; public int Attempt { get; init; } }", "new M { Id = \"job-1\", Attempt = 3 }" },
        { "public sealed class M { public string Id { get; set; } = \"\"; public int Attempt { get; set; } = 1; }", "new M { Id = \"job-1\", Attempt = 3 }" },
        { "public sealed class M { public required string Id { get; init; } }", "new M { Id = \"job-1\" }" },
        { "public sealed class M { public M(string jobId) { JobId = jobId; } public string JobId { get; } }", "new M(\"job-1\")" },
        { "public sealed class M { public M(string JOBID) { JobId = JOBID; } public string JobId { get; } }", "new M(\"job-1\")" },
        { "public sealed class M { public M(string id) { Id = id; } public string Id { get; private set; } }", "new M(\"job-1\")" },
        { "public sealed record M(string Id) { public string Url => \"https://jobs/\" + Id; public int Length { get { return Id.Length; } } }", "new M(\"job-1\")" },
        { "public sealed record M(string Id) { public int Retries { get; init; } = 3; }", "new M(\"job-1\") { Retries = 5 }" },
        { "public sealed record M(string Id) { public string? Note { get; set; } }", "new M(\"job-1\") { Note = \"n\" }" },
        { "public sealed record M(string Id) { public const int Version = 1; public static int Created; private int _seen; public int Seen() => _seen++; }", "new M(\"job-1\")" },
        { "public record Base(string Id); public sealed record M(string Id, string Zone) : Base(Id);", "new M(\"job-1\", \"eu\")" },
        { "public record Base { public string Zone { get; set; } = \"\"; } public sealed record M(string Id) : Base;", "new M(\"job-1\") { Zone = \"eu\" }" },
        { "public struct M { public M(int x) { X = x; } public int X { get; } }", "new M(7)" },
        { "public sealed class M { [System.Text.Json.Serialization.JsonConstructor] public M(string id) { Id = id; } public M() { Id = \"\"; } public string Id { get; } }", "new M(\"job-1\")" },
        { "public sealed record Inner(string Key, int? Count); public sealed record M(Inner First, System.Collections.Generic.List<Inner> Rest, System.Collections.Generic.Dictionary<string, Inner?> ByName);",
          "new M(new Inner(\"a\", 1), new() { new Inner(\"b\", null) }, new() { [\"c\"] = new Inner(\"c\", 2), [\"d\"] = null })" },
        { "public sealed record M(string Id, int Attempt = 2, string? Region = null);", "new M(\"job-1\", 5, \"eu\")" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Every_shape_APG0014_accepts_round_trips_with_its_public_state(string types, string sample)
    {
        var outcome = GeneratorHarness.RunClean(Source(types, sample));

        // The inspection APG0014 reports from accepts it (the parity tests show the analyzer reports exactly its reasons).
        var meta = outcome.Output.GetTypeByMetadataName("Metas.M")!;
        Assert.Null(MetaShapeParser.Parse(meta, KnownTypes.From(outcome.Output)).Reason);

        var probe = GeneratorHarness.EmitAndLoad(outcome.Output).GetType("Metas.Probe", throwOnError: true)!;
        var original = probe.GetMethod("Sample")!.Invoke(null, null)!;
        var back = probe.GetMethod("RoundTrip")!.Invoke(null, [original])!;

        Assert.Equal(State(original), State(back));
        Assert.NotSame(original, back);
    }

    private static readonly JsonSerializerOptions StateOptions = new() { IncludeFields = true };

    /// <summary>Everything public an M shows, written by System.Text.Json's reflection serializer (not the generated one).</summary>
    private static string State(object value) => JsonSerializer.Serialize(value, value.GetType(), StateOptions);

    private static string Source(string types, string sample) => $$"""
        using System.Collections.Generic;
        using AsyncPluginGen;

        namespace Metas;

        {{types}}

        public sealed record Res([property: PhaseSource] string State);

        [AsyncPlugin("m")]
        [PhaseMapping("done", TaskPhase.Success)]
        public sealed partial class MPlugin
        {
            public M Create(TaskContext task) => Probe.Sample();
            public Res Get(M meta) => new("done");
            public void Delete(M meta) { }
        }

        public static class Probe
        {
            public static M Sample() => {{sample}};

            public static M RoundTrip(M value)
            {
                var serializer = ((IResourceMetaSerializerProvider<M>)new MPlugin()).ResourceMetaSerializer;
                return ResourceMetaSerializer.Deserialize(serializer, ResourceMetaSerializer.Serialize(serializer, value));
            }
        }
        """;
}
