using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AsyncPluginGen.Flyte.Literals;
using AsyncPluginGen.Tests.Shared;
using Flyteidl.Core;
using static AsyncPluginGen.Flyte.Tests.Literals.Lit;
using PrimitiveCase = Flyteidl.Core.Primitive.ValueOneofCase;
using ScalarCase = Flyteidl.Core.Scalar.ValueOneofCase;

namespace AsyncPluginGen.Flyte.Tests.Literals;

/// <summary>docs/flyte-literals.md's examples are what the mapping does: each marked block is produced here and compared.</summary>
public sealed partial class LiteralDocsTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "flyte-literals.md"));

    [Fact]
    public void The_inputs_example_is_the_json_the_plugin_sees_keys_in_order()
    {
        var inputs = LiteralMap(
            ("n", Int(7)),
            ("ratio", Float(0.25)),
            ("since", Time(1714564800, 500_000_000)),
            ("timeout", Span(90)),
            ("file", Blob("s3://bucket/orders.csv")),
            ("tags", List(Str("a"), Str("b"))),
            ("limits", Map(("cpu", Int(2)))),
            ("maybe", Union(Int(5), Simple(SimpleType.Integer))),
            ("missing", None()),
            ("payload", Binary([1, 2, 3], "msgpack")));

        var documented = Json(Block("inputs"));
        var actual = LiteralJson.ToJson(inputs);

        Assert.True(JsonElement.DeepEquals(documented, actual), actual.GetRawText());
        Assert.Equal(actual.EnumerateObject().Select(p => p.Name), documented.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_outputs_example_gives_the_documented_literals_without_and_with_declared_types()
    {
        var outputs = Json(Block("outputs"));
        var declared = Declared(
            ("rows", Simple(SimpleType.Integer)),
            ("score", Simple(SimpleType.Float)),
            ("finished", Simple(SimpleType.Datetime)),
            ("took", Simple(SimpleType.Duration)),
            ("report", new LiteralType { Blob = CsvFile }),
            ("note", UnionOf(Simple(SimpleType.String), Simple(SimpleType.None))));

        var untyped = LiteralJson.ToLiteralMap(outputs);
        var typed = LiteralJson.ToLiteralMap(outputs, declared);

        var rows = Block("outputs-literals").TrimEnd('\n').Split('\n').Skip(1).Select(line => Columns().Split(line)).ToList();
        Assert.Equal(typed.Literals.Keys.Order(StringComparer.Ordinal), rows.Select(r => r[0]));
        foreach (var row in rows)
        {
            Assert.Equal(row[1], Describe(untyped.Literals[row[0]]));
            Assert.Equal(row[2], Describe(typed.Literals[row[0]]));
        }
    }

    [Fact]
    public void The_documented_messages_are_the_messages()
    {
        string Message(Action action) => Assert.Throws<LiteralMappingException>(action).Message;
        var offloaded = new Literal { OffloadedMetadata = new LiteralOffloadedMetadata { Uri = "s3://bucket/rows.pb", SizeBytes = 12_345_678 } };

        string[] messages =
        [
            Message(() => LiteralJson.ToJson(LiteralMap(("ratio", Float(double.NaN))))),
            Message(() => LiteralJson.ToJson(LiteralMap(("upstream", Error("n3", "division by zero"))))),
            Message(() => LiteralJson.ToJson(LiteralMap(("rows", offloaded)))),
            Message(() => LiteralJson.ToJson(LiteralMap(("x", new Literal())))),
            Message(() => LiteralJson.ToJson(LiteralMap(("when", Time(253_402_300_800))))),
            Message(() => LiteralJson.ToLiteralMap(Json("[]"))),
            Message(() => LiteralJson.ToLiteralMap(Json("{'rows':'12'}"), Declared(("rows", Simple(SimpleType.Integer))))),
            Message(() => LiteralJson.ToLiteralMap(Json("{'rows':12.5}"), Declared(("rows", Simple(SimpleType.Integer))))),
            Message(() => LiteralJson.ToLiteralMap(Json("{'note':null}"), Declared(("note", Simple(SimpleType.String))))),
            Message(() => LiteralJson.ToLiteralMap(Json("{}"), Declared(("rows", Simple(SimpleType.Integer))))),
            Message(() => LiteralJson.ToLiteralMap(Json("{'finished':'12:00'}"), Declared(("finished", Simple(SimpleType.Datetime))))),
            Message(() => LiteralJson.ToLiteralMap(Json("{'took':'90'}"), Declared(("took", Simple(SimpleType.Duration))))),
            Message(() => LiteralJson.ToLiteralMap(Json("{'report':{'uri':'s3://b/r.csv'}}"), Declared(("report", new LiteralType { Blob = CsvFile })))),
            Message(() => LiteralJson.ToLiteralMap(Json("{'color':'pink'}"), Declared(("color", EnumOf("red", "green", "blue"))))),
            Message(() => LiteralJson.ToLiteralMap(Json("{'maybe':'x'}"), Declared(("maybe", UnionOf(Simple(SimpleType.Integer), Simple(SimpleType.None)))))),
            Message(() => LiteralJson.ToLiteralMap(Json("{'big':1e400}"))),
            Message(() => LiteralJson.ToStruct(Json("[]"))),
        ];

        Assert.Equal(Block("errors").TrimEnd('\n').Split('\n'), messages);
    }

    [Fact]
    public void The_page_has_no_csharp_blocks_and_every_json_block_parses()
    {
        Assert.DoesNotContain("```csharp", Page, StringComparison.Ordinal);
        Assert.DoesNotContain("```cs\n", Page, StringComparison.Ordinal);
        var blocks = JsonBlock().Matches(Page);
        Assert.NotEmpty(blocks);
        foreach (Match block in blocks)
        {
            using var document = JsonDocument.Parse(block.Groups["code"].Value);
        }
    }

    [Fact]
    public void The_agent_page_links_this_page()
    {
        var agent = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "flyte-agent.md"));

        Assert.Contains("(flyte-literals.md)", agent, StringComparison.Ordinal);
    }

    private static string Block(string name)
    {
        var match = Regex.Match(Page, $"<!-- literal-example: {Regex.Escape(name)} -->\\n```(?:json|text)\\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"docs/flyte-literals.md has no block marked literal-example: {name}");
        return match.Groups["code"].Value;
    }

    /// <summary>A literal in the page's words: its kind, and its value where the table shows one.</summary>
    private static string Describe(Literal literal) => literal switch
    {
        { Scalar.Primitive.ValueCase: PrimitiveCase.Integer } => $"integer {literal.Scalar.Primitive.Integer.ToString(CultureInfo.InvariantCulture)}",
        { Scalar.Primitive.ValueCase: PrimitiveCase.FloatValue } => $"float {literal.Scalar.Primitive.FloatValue.ToString(CultureInfo.InvariantCulture)}",
        { Scalar.Primitive.ValueCase: PrimitiveCase.StringValue } => "string",
        { Scalar.Primitive.ValueCase: PrimitiveCase.Datetime } => $"datetime {LiteralJson.ToJson(literal).GetString()}",
        { Scalar.Primitive.ValueCase: PrimitiveCase.Duration } => $"duration {LiteralJson.ToJson(literal).GetString()}",
        { Scalar.ValueCase: ScalarCase.NoneType } => "none",
        { Scalar.ValueCase: ScalarCase.Blob } => $"blob {literal.Scalar.Blob.Uri} ({literal.Scalar.Blob.Metadata.Type.Format})",
        { Scalar.ValueCase: ScalarCase.Union } => $"union of {Describe(literal.Scalar.Union.Value)}",
        _ => literal.ToString(),
    };

    [GeneratedRegex("```json\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Columns();
}
