using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Core;
using Google.Protobuf.WellKnownTypes;
using static AsyncPluginGen.Flyte.Tests.Literals.Lit;

namespace AsyncPluginGen.Flyte.Tests.Literals;

/// <summary>
/// <see cref="LiteralMappingException.Path"/>: plain names are dotted, any other key is quoted, so no two places share a
/// path, and nesting of every kind (unions included) is bounded.
/// </summary>
public sealed class LiteralPathTests
{
    [Theory]
    [InlineData("orders", "inputs.orders")]
    [InlineData("_private2", "inputs._private2")]
    [InlineData("a.b", "inputs[\"a.b\"]")]
    [InlineData("a[0]", "inputs[\"a[0]\"]")]
    [InlineData("with space", "inputs[\"with space\"]")]
    [InlineData("2nd", "inputs[\"2nd\"]")]
    [InlineData("cpu-limit", "inputs[\"cpu-limit\"]")]
    [InlineData("", "inputs[\"\"]")]
    [InlineData("say \"hi\" \\", "inputs[\"say \\\"hi\\\" \\\\\"]")]
    [InlineData("é", "inputs[\"é\"]")]
    [InlineData("line\nbreak", "inputs[\"line\\nbreak\"]")]
    public void Input_key_is_dotted_when_plain_and_quoted_otherwise(string key, string path) =>
        Refused(path, () => LiteralJson.ToJson(LiteralMap((key, new Literal()))));

    [Fact]
    public void Keys_that_would_look_alike_dotted_get_different_paths()
    {
        var nested = Assert.Throws<LiteralMappingException>(() => LiteralJson.ToJson(LiteralMap(("a", Map(("b", new Literal())))))).Path;
        var dotted = Assert.Throws<LiteralMappingException>(() => LiteralJson.ToJson(LiteralMap(("a.b", new Literal())))).Path;

        Assert.Equal("inputs.a.b", nested);
        Assert.Equal("inputs[\"a.b\"]", dotted);
    }

    [Fact]
    public void Quoted_keys_compose_with_indexes_and_plain_names() =>
        Refused("inputs.orders[1][\"unit price\"].usd", () => LiteralJson.ToJson(LiteralMap(
            ("orders", List(Map(), Map(("unit price", Map(("usd", Float(double.NaN))))))))));

    [Fact]
    public void Output_keys_are_quoted_the_same_way()
    {
        Refused("outputs[\"total rows\"]", () => LiteralJson.ToLiteralMap(Json("{'total rows':'x'}"), Declared(("total rows", Simple(SimpleType.Integer)))));
        Refused("outputs.m[\"a/b\"]", () => LiteralJson.ToLiteralMap(Json("{'m':{'a/b':1e999}}")));
        Refused("outputs[\"my-file\"]", () => LiteralJson.ToLiteralMap(Json("{}"), Declared(("my-file", new LiteralType { Blob = CsvFile }))));
    }

    [Fact]
    public void Struct_field_keys_are_quoted_the_same_way()
    {
        Refused("struct[\"a b\"][0]", () => LiteralJson.ToStruct(Json("{'a b':[1e999]}")));

        var value = new Struct();
        value.Fields["x.y"] = Value.ForNumber(double.NaN);
        Refused("inputs.config[\"x.y\"]", () => LiteralJson.ToJson(LiteralMap(("config", Generic(value)))));
    }

    [Fact]
    public void Unions_nested_in_unions_count_as_levels_so_they_cannot_run_the_stack_out()
    {
        var literal = Int(1);
        var type = Simple(SimpleType.Integer);
        for (var i = 0; i < 100_000; i++)
        {
            literal = Union(literal, type);
        }

        Assert.Contains($"deeper than {LiteralJson.MaxDepth}", Refused("value", () => LiteralJson.ToJson(literal)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Declared_unions_nested_in_unions_are_bounded_too()
    {
        var type = Simple(SimpleType.Integer);
        for (var i = 0; i < 100_000; i++)
        {
            type = UnionOf(type);
        }

        Refused("outputs.x", () => LiteralJson.ToLiteralMap(Json("{'x':1}"), Declared(("x", type))));
    }
}
