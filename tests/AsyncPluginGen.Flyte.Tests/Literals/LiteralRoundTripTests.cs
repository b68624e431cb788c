using System.Text.Json;
using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Core;
using Google.Protobuf.WellKnownTypes;
using static AsyncPluginGen.Flyte.Tests.Literals.Lit;

namespace AsyncPluginGen.Flyte.Tests.Literals;

/// <summary>Both directions together: what a plugin returns comes back as what it was given, and structs round-trip.</summary>
public sealed class LiteralRoundTripTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("{'s':'x','i':42,'f':1.5,'b':true,'n':null}")]
    [InlineData("{'min':-9223372036854775808,'max':9223372036854775807,'tiny':5e-324,'big':1.7976931348623157e308,'tenth':0.1}")]
    [InlineData("{'u':'é ✓ 漢字 𝄞 🙂','e':'','q':'\\'quoted\\' \\\\ \\n'}")]
    [InlineData("{'l':[1,[2,'a'],{'k':null},[]],'m':{'z':1,'a':{'q':[]}},'e':{}}")]
    [InlineData("{'when':'2024-05-01T12:00:00.123456789Z','timeout':'1.500s','file':'s3://b/f.csv'}")]
    public void Untyped_json_to_literal_map_and_back_is_the_same_json(string json)
    {
        var original = Json(json);

        var back = LiteralJson.ToJson(LiteralJson.ToLiteralMap(original));

        Assert.True(JsonElement.DeepEquals(original, back), $"{original.GetRawText()}\n{back.GetRawText()}");
    }

    [Fact]
    public void Untyped_round_trip_sorts_keys_and_writes_numbers_in_shortest_form()
    {
        var back = LiteralJson.ToJson(LiteralJson.ToLiteralMap(Json("{'b':1.0,'a':1e3,'c':[2.50]}")));

        Assert.Equal("""{"a":1000,"b":1,"c":[2.5]}""", back.GetRawText());
    }

    [Fact]
    public void Typed_literal_map_to_json_and_back_with_the_declared_types_is_the_original()
    {
        var csv = CsvFile;
        var parquet = new StructuredDatasetType { Format = "parquet" };
        var config = new Struct();
        config.Fields["retries"] = Value.ForNumber(3);
        config.Fields["labels"] = Value.ForList(Value.ForString("a"), Value.ForNull());
        var optional = UnionOf(Simple(SimpleType.Integer), Simple(SimpleType.None));

        var original = LiteralMap(
            ("at", Time(1714564800, 123_456_789)),
            ("early", Time(-1, 1)),
            ("took", Span(-1, -500_000_000)),
            ("timeout", Span(90)),
            ("file", Blob("s3://bucket/out.csv", csv)),
            ("table", Scalar(new Scalar { StructuredDataset = new StructuredDataset { Uri = "s3://bucket/t/", Metadata = new StructuredDatasetMetadata { StructuredDatasetType = parquet } } })),
            ("rows", Int(long.MinValue)),
            ("ratio", Float(0.1)),
            ("whole", Float(2)),
            ("name", Str("é𝄞")),
            ("ok", Bool(true)),
            ("color", Str("green")),
            ("maybe", Union(Int(5), Simple(SimpleType.Integer))),
            ("missing", Union(None(), Simple(SimpleType.None))),
            ("nothing", None()),
            ("config", Generic(config)),
            ("payload", Binary([0, 1, 254, 255], "msgpack")),
            ("scores", List(Float(1), Float(0.5))),
            ("stamps", Map(("first", Time(0, 1_000)), ("last", Time(253_402_300_799, 999_999_999)))));
        var declared = Declared(
            ("at", Simple(SimpleType.Datetime)),
            ("early", Simple(SimpleType.Datetime)),
            ("took", Simple(SimpleType.Duration)),
            ("timeout", Simple(SimpleType.Duration)),
            ("file", new LiteralType { Blob = csv }),
            ("table", new LiteralType { StructuredDatasetType = parquet }),
            ("rows", Simple(SimpleType.Integer)),
            ("ratio", Simple(SimpleType.Float)),
            ("whole", Simple(SimpleType.Float)),
            ("name", Simple(SimpleType.String)),
            ("ok", Simple(SimpleType.Boolean)),
            ("color", EnumOf("red", "green")),
            ("maybe", optional),
            ("missing", optional),
            ("nothing", Simple(SimpleType.None)),
            ("config", Simple(SimpleType.Struct)),
            ("payload", Simple(SimpleType.Binary)),
            ("scores", ListOf(Simple(SimpleType.Float))),
            ("stamps", MapOf(Simple(SimpleType.Datetime))));

        var json = LiteralJson.ToJson(original);
        var back = LiteralJson.ToLiteralMap(json, declared);

        Assert.Equal(original, back);
        Assert.Equal("2024-05-01T12:00:00.123456789Z", json.GetProperty("at").GetString());
        Assert.Equal("-1.500s", json.GetProperty("took").GetString());
    }

    [Fact]
    public void Struct_to_json_and_back_is_the_same_struct()
    {
        var json = Json("{'s':'x','n':1.5,'i':-3,'b':false,'z':null,'l':[1,'a',null,[true],{'k':{}}],'o':{'p':{'q':[]}}}");

        var value = LiteralJson.ToStruct(json);

        Assert.True(JsonElement.DeepEquals(json, LiteralJson.FromStruct(value)));
        Assert.Equal(value, LiteralJson.ToStruct(LiteralJson.FromStruct(value)));
        Assert.Equal(Value.KindOneofCase.NullValue, value.Fields["z"].KindCase);
        Assert.Equal(-3, value.Fields["i"].NumberValue);
    }

    [Fact]
    public void Struct_numbers_are_doubles_so_huge_integers_lose_precision_as_in_protobuf()
    {
        var value = LiteralJson.ToStruct(Json("{'id':9007199254740993}"));

        Assert.Equal(9007199254740992d, value.Fields["id"].NumberValue);
    }

    [Fact]
    public void Empty_or_null_struct_is_an_empty_object()
    {
        Equal("{}", LiteralJson.FromStruct(null));
        Equal("{}", LiteralJson.FromStruct(new Struct()));
        Assert.Equal(new Struct(), LiteralJson.ToStruct(Json("{}")));
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("'x'", "a string")]
    [InlineData("1", "a number")]
    [InlineData("null", "null")]
    public void To_struct_of_a_non_object_is_refused(string json, string what)
    {
        var exception = Refused("struct", () => LiteralJson.ToStruct(Json(json)), pathInMessage: false);

        Assert.Equal($"A struct must be a JSON object, not {what}.", exception.Message);
    }

    [Fact]
    public void To_struct_refuses_a_number_beyond_a_64_bit_float_at_its_path() =>
        Assert.Contains("64-bit float", Refused("struct.a[1]", () => LiteralJson.ToStruct(Json("{'a':[1,1e999]}"))).Message, StringComparison.Ordinal);

    [Fact]
    public void To_struct_refuses_json_nested_deeper_than_max_depth()
    {
        var deep = "{'v':" + new string('[', LiteralJson.MaxDepth + 1) + new string(']', LiteralJson.MaxDepth + 1) + "}";

        Assert.Contains($"deeper than {LiteralJson.MaxDepth}", Assert.Throws<LiteralMappingException>(() => LiteralJson.ToStruct(Json(deep, maxDepth: 256))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_struct_refuses_a_non_finite_number_at_its_path()
    {
        var value = new Struct();
        value.Fields["o"] = Value.ForStruct(new Struct { Fields = { ["inf"] = Value.ForNumber(double.NegativeInfinity) } });

        Refused("struct.o.inf", () => LiteralJson.FromStruct(value));
    }
}
