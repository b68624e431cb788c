using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Core;
using static AsyncPluginGen.Flyte.Tests.Literals.Lit;

namespace AsyncPluginGen.Flyte.Tests.Literals;

/// <summary>JSON (a plugin's outputs) to literals when no output type is declared: each value takes its natural literal.</summary>
public sealed class JsonToLiteralUntypedTests
{
    [Theory]
    [InlineData("''", "")]
    [InlineData("'text'", "text")]
    [InlineData("'é ✓ 𝄞 \\u0000'", "é ✓ 𝄞 \0")]
    [InlineData("'2024-05-01T12:00:00Z'", "2024-05-01T12:00:00Z")]
    [InlineData("'1.5s'", "1.5s")]
    [InlineData("'42'", "42")]
    public void String_is_a_string_literal_and_is_never_sniffed(string json, string expected) =>
        Assert.Equal(Str(expected), LiteralJson.ToLiteral(Json(json)));

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Integral_number_that_fits_int64_is_an_integer(string json, long expected) =>
        Assert.Equal(Int(expected), LiteralJson.ToLiteral(Json(json)));

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("0.1", 0.1)]
    [InlineData("1.0", 1.0)]
    [InlineData("1e3", 1000.0)]
    [InlineData("-2.5E-3", -0.0025)]
    [InlineData("9223372036854775808", 9223372036854775808.0)]
    [InlineData("-9223372036854775809", -9223372036854775809.0)]
    [InlineData("123456789012345678901234567890", 123456789012345678901234567890.0)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    public void Non_integral_or_huge_number_is_a_float(string json, double expected) =>
        Assert.Equal(Float(expected), LiteralJson.ToLiteral(Json(json)));

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1.8e308")]
    public void Number_beyond_a_64_bit_float_is_refused_not_made_infinite(string json)
    {
        var exception = Refused("outputs.big", () => LiteralJson.ToLiteralMap(Json($"{{'big':{json}}}")));

        Assert.Contains("64-bit float", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Boolean_is_a_boolean(string json, bool expected) => Assert.Equal(Bool(expected), LiteralJson.ToLiteral(Json(json)));

    [Fact]
    public void Null_is_none() => Assert.Equal(None(), LiteralJson.ToLiteral(Json("null")));

    [Fact]
    public void Array_is_a_collection_of_natural_literals() =>
        Assert.Equal(List(Int(1), Str("a"), None(), List(), List(Float(2.5))), LiteralJson.ToLiteral(Json("[1,'a',null,[],[2.5]]")));

    [Fact]
    public void Object_is_a_map_of_natural_literals() =>
        Assert.Equal(Map(("a", Int(1)), ("b", Map(("c", Bool(true)))), ("e", Map())), LiteralJson.ToLiteral(Json("{'a':1,'b':{'c':true},'e':{}}")));

    [Fact]
    public void Outputs_object_is_a_literal_map()
    {
        var map = LiteralJson.ToLiteralMap(Json("{'rows':12,'path':'s3://b/out.csv','ok':true,'scores':[0.5,1]}"));

        Assert.Equal(LiteralMap(("rows", Int(12)), ("path", Str("s3://b/out.csv")), ("ok", Bool(true)), ("scores", List(Float(0.5), Int(1)))), map);
    }

    [Fact]
    public void Empty_outputs_object_is_an_empty_map() => Assert.Equal(new LiteralMap(), LiteralJson.ToLiteralMap(Json("{}")));

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("'text'", "a string")]
    [InlineData("1", "a number")]
    [InlineData("true", "a boolean")]
    [InlineData("null", "null")]
    public void Outputs_that_are_not_an_object_are_refused_at_outputs(string json, string described)
    {
        var exception = Refused("outputs", () => LiteralJson.ToLiteralMap(Json(json)), pathInMessage: false);

        Assert.Equal($"Outputs must be a JSON object of output name to value, not {described}.", exception.Message);
    }

    [Fact]
    public void Undefined_json_is_refused()
    {
        Refused("outputs", () => LiteralJson.ToLiteralMap(default), pathInMessage: false);
        Refused("value", () => LiteralJson.ToLiteral(default));
    }

    [Fact]
    public void Duplicate_keys_keep_the_last_value() =>
        Assert.Equal(LiteralMap(("a", Int(2))), LiteralJson.ToLiteralMap(Json("{'a':1,'a':2}")));

    [Fact]
    public void Json_nested_up_to_max_depth_maps_and_deeper_is_refused_with_its_path()
    {
        // The outputs object is the first level, as the inputs map is on the way in: the same limit both ways.
        var fits = "{'deep':" + new string('[', LiteralJson.MaxDepth - 1) + "1" + new string(']', LiteralJson.MaxDepth - 1) + "}";
        var map = LiteralJson.ToLiteralMap(Json(fits, maxDepth: 256));
        Assert.Equal(LiteralJson.MaxDepth, LiteralToJsonTests.JsonDepth(LiteralJson.ToJson(map)));

        var tooDeep = "{'deep':" + new string('[', LiteralJson.MaxDepth) + "1" + new string(']', LiteralJson.MaxDepth) + "}";
        Refused(
            "outputs.deep" + string.Concat(Enumerable.Repeat("[0]", LiteralJson.MaxDepth)),
            () => LiteralJson.ToLiteralMap(Json(tooDeep, maxDepth: 256)));
    }

    [Fact]
    public void Bad_value_deep_inside_outputs_is_refused_with_its_full_path() =>
        Refused("outputs.a[2].b", () => LiteralJson.ToLiteralMap(Json("{'a':[{},{'b':1},{'b':1e999}]}")));
}
