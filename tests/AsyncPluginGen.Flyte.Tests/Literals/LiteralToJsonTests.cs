using System.Globalization;
using System.Text.Json;
using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Core;
using Google.Protobuf.WellKnownTypes;
using static AsyncPluginGen.Flyte.Tests.Literals.Lit;

namespace AsyncPluginGen.Flyte.Tests.Literals;

/// <summary>Flyte literals (task inputs) to the JSON a plugin sees: one test per row of docs/flyte-literals.md.</summary>
public sealed class LiteralToJsonTests
{
    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-42L, "-42")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    public void Integer_is_a_json_integer_without_loss(long value, string json)
    {
        var actual = LiteralJson.ToJson(Int(value));

        Equal(json, actual);
        Assert.Equal(value, actual.GetInt64());
    }

    [Theory]
    [InlineData(1.5, "1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.0, "-2")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(double.Epsilon, "5E-324")]
    public void Float_is_a_json_number_that_reads_back_exactly(double value, string json)
    {
        var actual = LiteralJson.ToJson(Float(value));

        Equal(json, actual);
        Assert.Equal(value, actual.GetDouble());
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Non_finite_float_is_refused_naming_the_path(double value, string shown)
    {
        var exception = Refused("inputs.ratio", () => LiteralJson.ToJson(LiteralMap(("ratio", Float(value)))));

        Assert.Contains(shown, exception.Message, StringComparison.Ordinal);
        Assert.Contains("JSON cannot represent", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("é ✓ 漢字 𝄞 emoji 🙂")]
    [InlineData("quotes \" and \\ and \n newline and \u0001 control")]
    [InlineData("<script>&amp;</script>")]
    public void String_is_a_json_string_with_every_character_kept(string value)
    {
        var actual = LiteralJson.ToJson(Str(value));

        Assert.Equal(JsonValueKind.String, actual.ValueKind);
        Assert.Equal(value, actual.GetString());
    }

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void Boolean_is_a_json_boolean(bool value, string json) => Equal(json, LiteralJson.ToJson(Bool(value)));

    [Theory]
    [InlineData(1714564800L, 0, "2024-05-01T12:00:00Z")]
    [InlineData(1714564800L, 123_000_000, "2024-05-01T12:00:00.123Z")]
    [InlineData(1714564800L, 123_456_000, "2024-05-01T12:00:00.123456Z")]
    [InlineData(1714564800L, 123_456_789, "2024-05-01T12:00:00.123456789Z")]
    [InlineData(1714564800L, 1, "2024-05-01T12:00:00.000000001Z")]
    [InlineData(0L, 0, "1970-01-01T00:00:00Z")]
    [InlineData(-1L, 999_999_999, "1969-12-31T23:59:59.999999999Z")]
    [InlineData(-62_135_596_800L, 0, "0001-01-01T00:00:00Z")]
    [InlineData(253_402_300_799L, 999_999_999, "9999-12-31T23:59:59.999999999Z")]
    public void Datetime_is_protobuf_rfc3339_in_utc_with_0_3_6_or_9_fraction_digits(long seconds, int nanos, string expected) =>
        Assert.Equal(expected, LiteralJson.ToJson(Time(seconds, nanos)).GetString());

    [Theory]
    [InlineData(253_402_300_800L, 0)]
    [InlineData(-62_135_596_801L, 0)]
    [InlineData(long.MaxValue, 0)]
    [InlineData(long.MinValue, 0)]
    [InlineData(0L, -1)]
    [InlineData(0L, 1_000_000_000)]
    public void Datetime_out_of_range_is_refused(long seconds, int nanos)
    {
        var exception = Refused("inputs.when", () => LiteralJson.ToJson(LiteralMap(("when", Time(seconds, nanos)))));

        Assert.Contains("0001-01-01 to 9999-12-31", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1L, 500_000_000, "1.500s")]
    [InlineData(-1L, -500_000_000, "-1.500s")]
    [InlineData(0L, -500_000_000, "-0.500s")]
    [InlineData(0L, 0, "0s")]
    [InlineData(90L, 0, "90s")]
    [InlineData(0L, 1_000, "0.000001s")]
    [InlineData(0L, 1, "0.000000001s")]
    [InlineData(-3L, -123_456_789, "-3.123456789s")]
    [InlineData(315_576_000_000L, 999_999_999, "315576000000.999999999s")]
    [InlineData(-315_576_000_000L, -999_999_999, "-315576000000.999999999s")]
    public void Duration_is_protobuf_seconds_form(long seconds, int nanos, string expected) =>
        Assert.Equal(expected, LiteralJson.ToJson(Span(seconds, nanos)).GetString());

    [Theory]
    [InlineData(1L, -1)]
    [InlineData(-1L, 1)]
    [InlineData(0L, 1_000_000_000)]
    [InlineData(0L, -1_000_000_000)]
    [InlineData(315_576_000_001L, 0)]
    [InlineData(long.MinValue, 0)]
    [InlineData(long.MaxValue, 0)]
    public void Malformed_or_out_of_range_duration_is_refused_with_its_path(long seconds, int nanos) =>
        Refused("inputs.timeout", () => LiteralJson.ToJson(LiteralMap(("timeout", Span(seconds, nanos)))));

    [Fact]
    public void None_is_null() => Equal("null", LiteralJson.ToJson(None()));

    [Fact]
    public void Generic_struct_is_an_object_with_nested_lists_structs_and_null()
    {
        var value = LiteralJson.ToStruct(Json("{'b':[1,'x',null,{'c':true}],'a':null,'n':{'m':1.5,'e':{}},'l':[]}"));

        Equal("{'a':null,'b':[1,'x',null,{'c':true}],'l':[],'n':{'e':{},'m':1.5}}", LiteralJson.ToJson(Generic(value)));
    }

    [Fact]
    public void Generic_struct_with_a_non_finite_number_is_refused_at_its_field()
    {
        var value = new Struct();
        value.Fields["rows"] = Value.ForList(Value.ForNumber(1), Value.ForNumber(double.NaN));

        Refused("inputs.config.rows[1]", () => LiteralJson.ToJson(LiteralMap(("config", Generic(value)))));
    }

    [Fact]
    public void Struct_value_without_a_kind_is_null()
    {
        var value = new Struct();
        value.Fields["unset"] = new Value();

        Equal("{'unset':null}", LiteralJson.ToJson(Generic(value)));
    }

    [Fact]
    public void Blob_is_its_uri() => Equal("'s3://bucket/data/file.csv'", LiteralJson.ToJson(Blob("s3://bucket/data/file.csv")));

    [Fact]
    public void Multipart_blob_is_its_uri_too() =>
        Equal(
            "'gs://bucket/dir/'",
            LiteralJson.ToJson(Blob("gs://bucket/dir/", new BlobType { Format = "", Dimensionality = BlobType.Types.BlobDimensionality.Multipart })));

    [Fact]
    public void Structured_dataset_is_its_uri() => Equal("'s3://bucket/ds/'", LiteralJson.ToJson(Dataset("s3://bucket/ds/")));

    [Fact]
    public void Schema_is_its_uri() => Equal("'s3://bucket/schema/'", LiteralJson.ToJson(Schema("s3://bucket/schema/")));

    [Fact]
    public void Union_is_its_value()
    {
        Equal("5", LiteralJson.ToJson(Union(Int(5), Simple(SimpleType.Integer))));
        Equal("null", LiteralJson.ToJson(Union(None(), Simple(SimpleType.None))));
        Equal("[1,2]", LiteralJson.ToJson(Union(List(Int(1), Int(2)), ListOf(Simple(SimpleType.Integer)))));
        Equal("'s3://b/k'", LiteralJson.ToJson(Union(Blob("s3://b/k"), new LiteralType { Blob = CsvFile })));
    }

    [Fact]
    public void Union_without_a_value_is_null() =>
        Equal("null", LiteralJson.ToJson(Scalar(new Scalar { Union = new Flyteidl.Core.Union { Type = Simple(SimpleType.Integer) } })));

    [Fact]
    public void Union_whose_value_is_bad_is_refused_at_the_union_path() =>
        Refused("inputs.maybe", () => LiteralJson.ToJson(LiteralMap(("maybe", Union(Float(double.NaN), Simple(SimpleType.Float))))));

    [Fact]
    public void Binary_is_an_object_of_base64_and_tag()
    {
        Equal("{'binary':'AQID/w==','tag':'msgpack'}", LiteralJson.ToJson(Binary([1, 2, 3, 255], "msgpack")));
        Equal("{'binary':'','tag':''}", LiteralJson.ToJson(Binary([], "")));
    }

    [Fact]
    public void Error_literal_is_refused_with_its_path_node_and_message()
    {
        var exception = Refused("inputs.upstream", () => LiteralJson.ToJson(LiteralMap(("upstream", Error("n3", "division by zero")))));

        Assert.Contains("error literal", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'n3'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("division by zero", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_literal_message_is_clipped()
    {
        var exception = Refused("value", () => LiteralJson.ToJson(Error("n", new string('x', 5000))));

        Assert.True(exception.Message.Length < 400, exception.Message);
        Assert.Contains("…", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collection_is_an_array_in_order()
    {
        Equal("[3,'a',null,[true],[]]", LiteralJson.ToJson(List(Int(3), Str("a"), None(), List(Bool(true)), List())));
    }

    [Fact]
    public void Map_is_an_object_with_keys_in_ordinal_order_whatever_the_insertion_order()
    {
        var forward = Map(("b", Int(1)), ("a", Int(2)), ("B", Int(3)), ("é", Int(4)), ("_", Int(5)), ("", Int(6)));
        var backward = Map(("", Int(6)), ("_", Int(5)), ("é", Int(4)), ("B", Int(3)), ("a", Int(2)), ("b", Int(1)));

        var json = LiteralJson.ToJson(forward);

        Assert.Equal(["", "B", "_", "a", "b", "é"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(json.GetRawText(), LiteralJson.ToJson(backward).GetRawText());
        Equal("{'':6,'B':3,'_':5,'a':2,'b':1,'é':4}", json);
    }

    [Fact]
    public void Input_map_keys_are_sorted_too_so_the_same_inputs_always_give_the_same_text()
    {
        var first = LiteralJson.ToJson(LiteralMap(("z", Int(1)), ("a", Map(("y", Int(1)), ("x", Int(2))))));
        var second = LiteralJson.ToJson(LiteralMap(("a", Map(("x", Int(2)), ("y", Int(1)))), ("z", Int(1))));

        Assert.Equal("""{"a":{"x":2,"y":1},"z":1}""", first.GetRawText());
        Assert.Equal(first.GetRawText(), second.GetRawText());
    }

    [Fact]
    public void Struct_keys_are_sorted_ordinally()
    {
        var value = new Struct();
        value.Fields["b"] = Value.ForNumber(1);
        value.Fields["A"] = Value.ForNumber(2);
        value.Fields["a"] = Value.ForNumber(3);

        Assert.Equal("""{"A":2,"a":3,"b":1}""", LiteralJson.ToJson(Generic(value)).GetRawText());
    }

    [Fact]
    public void Offloaded_literal_is_refused_naming_the_path_and_what_to_do()
    {
        var offloaded = new Literal { OffloadedMetadata = new LiteralOffloadedMetadata { Uri = "s3://bucket/offloaded.pb", SizeBytes = 12_345_678 } };

        var exception = Refused("inputs.rows[1]", () => LiteralJson.ToJson(LiteralMap(("rows", List(Int(1), offloaded)))));

        Assert.Contains("offloaded", exception.Message, StringComparison.Ordinal);
        Assert.Contains("s3://bucket/offloaded.pb", exception.Message, StringComparison.Ordinal);
        Assert.Contains("12,345,678 bytes", exception.Message, StringComparison.Ordinal);
        Assert.Contains("as a blob", exception.Message, StringComparison.Ordinal);
        Assert.Contains("offloading threshold", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offloaded_literal_message_does_not_depend_on_the_current_culture()
    {
        var offloaded = new Literal { OffloadedMetadata = new LiteralOffloadedMetadata { Uri = "s3://b/o.pb", SizeBytes = 12_345_678 } };
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var exception = Refused("value", () => LiteralJson.ToJson(offloaded));
            Assert.Contains("12,345,678 bytes", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Empty_literal_scalar_and_primitive_are_refused_with_their_path()
    {
        Assert.Contains("empty literal", Refused("inputs.x", () => LiteralJson.ToJson(LiteralMap(("x", new Literal())))).Message, StringComparison.Ordinal);
        Assert.Contains("empty scalar", Refused("inputs.x", () => LiteralJson.ToJson(LiteralMap(("x", Scalar(new Scalar()))))).Message, StringComparison.Ordinal);
        Assert.Contains("empty primitive", Refused("inputs.x", () => LiteralJson.ToJson(LiteralMap(("x", Primitive(new Primitive()))))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_max_depth_maps_and_deeper_is_refused()
    {
        // The input map is the first JSON level; each list one more. MaxDepth levels in all are fine, one more is not.
        var fits = Nested(LiteralJson.MaxDepth - 1);
        var json = LiteralJson.ToJson(LiteralMap(("deep", fits)));
        Assert.Equal(LiteralJson.MaxDepth, JsonDepth(json));

        var tooDeep = Nested(LiteralJson.MaxDepth);
        var exception = Refused(
            "inputs.deep" + string.Concat(Enumerable.Repeat("[0]", LiteralJson.MaxDepth)),
            () => LiteralJson.ToJson(LiteralMap(("deep", tooDeep))));
        Assert.Contains($"deeper than {LiteralJson.MaxDepth}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_deep_nesting_is_refused_rather_than_overflowing_the_stack()
    {
        var deep = Nested(100_000);

        Assert.Throws<LiteralMappingException>(() => LiteralJson.ToJson(deep));
    }

    [Fact]
    public void Deeply_nested_struct_is_refused_at_max_depth()
    {
        var value = Value.ForNumber(1);
        for (var i = 0; i < LiteralJson.MaxDepth + 5; i++)
        {
            value = Value.ForList(value);
        }

        var root = new Struct();
        root.Fields["v"] = value;

        Assert.Contains($"deeper than {LiteralJson.MaxDepth}", Assert.Throws<LiteralMappingException>(() => LiteralJson.ToJson(Generic(root))).Message, StringComparison.Ordinal);
        Assert.Contains($"deeper than {LiteralJson.MaxDepth}", Assert.Throws<LiteralMappingException>(() => LiteralJson.FromStruct(root)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_literal_deep_inside_is_refused_with_its_full_path()
    {
        var inputs = LiteralMap(
            ("a", List(Map(("b", Int(1))), Map(("b", Int(2))), Map(("c", Int(3)), ("b", Float(double.PositiveInfinity))))),
            ("z", Int(0)));

        Refused("inputs.a[2].b", () => LiteralJson.ToJson(inputs));
    }

    [Fact]
    public void Path_of_a_single_literal_starts_where_the_caller_says()
    {
        Refused("value[0]", () => LiteralJson.ToJson(List(new Literal())));
        Refused("outputs.x[0]", () => LiteralJson.ToJson(List(new Literal()), "outputs.x"));
    }

    [Fact]
    public void Empty_or_null_map_is_an_empty_object()
    {
        Equal("{}", LiteralJson.ToJson((LiteralMap?)null));
        Equal("{}", LiteralJson.ToJson(new LiteralMap()));
        Equal("{}", LiteralJson.ToJson(Map()));
    }

    [Fact]
    public void Inputs_of_every_kind_map_in_one_object()
    {
        var inputs = LiteralMap(
            ("n", Int(7)),
            ("ratio", Float(0.25)),
            ("name", Str("orders")),
            ("dry_run", Bool(false)),
            ("since", Time(1714564800, 500_000_000)),
            ("timeout", Span(90)),
            ("nothing", None()),
            ("file", Blob("s3://b/f.csv")),
            ("tags", List(Str("a"), Str("b"))),
            ("limits", Map(("cpu", Int(2)))));

        Equal(
            "{'dry_run':false,'file':'s3://b/f.csv','limits':{'cpu':2},'n':7,'name':'orders','nothing':null,'ratio':0.25,'since':'2024-05-01T12:00:00.500Z','tags':['a','b'],'timeout':'90s'}",
            LiteralJson.ToJson(inputs));
    }

    [Fact]
    public void Literal_metadata_and_hash_do_not_reach_the_plugin()
    {
        var literal = Int(1);
        literal.Hash = "abc";
        literal.Metadata["k"] = "v";

        Equal("1", LiteralJson.ToJson(literal));
    }

    internal static Literal Nested(int lists)
    {
        var literal = Int(1);
        for (var i = 0; i < lists; i++)
        {
            literal = List(literal);
        }

        return literal;
    }

    internal static int JsonDepth(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => 1 + element.EnumerateArray().Select(JsonDepth).DefaultIfEmpty(0).Max(),
        JsonValueKind.Object => 1 + element.EnumerateObject().Select(p => JsonDepth(p.Value)).DefaultIfEmpty(0).Max(),
        _ => 0,
    };
}
