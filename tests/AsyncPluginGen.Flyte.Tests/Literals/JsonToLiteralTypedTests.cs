using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Core;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using static AsyncPluginGen.Flyte.Tests.Literals.Lit;

namespace AsyncPluginGen.Flyte.Tests.Literals;

// One file on purpose: one test group per declared type of docs/flyte-literals.md's typed table, in its order.

/// <summary>JSON (a plugin's outputs) to literals of the task's declared output types.</summary>
public sealed class JsonToLiteralTypedTests
{
    private static readonly LiteralType Integer = Simple(SimpleType.Integer);
    private static readonly LiteralType FloatType = Simple(SimpleType.Float);
    private static readonly LiteralType StringType = Simple(SimpleType.String);
    private static readonly LiteralType Boolean = Simple(SimpleType.Boolean);
    private static readonly LiteralType Datetime = Simple(SimpleType.Datetime);
    private static readonly LiteralType DurationType = Simple(SimpleType.Duration);
    private static readonly LiteralType StructType = Simple(SimpleType.Struct);
    private static readonly LiteralType BinaryType = Simple(SimpleType.Binary);
    private static readonly LiteralType NoneType = Simple(SimpleType.None);

    private static Literal Typed(string json, LiteralType type) => LiteralJson.ToLiteral(Json(json), type, "outputs.x");

    private static LiteralMappingException RefusedAs(string json, LiteralType type, string path = "outputs.x") =>
        Refused(path, () => LiteralJson.ToLiteral(Json(json), type, path));

    [Theory]
    [InlineData("42", 42L)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Integer_from_an_integral_number(string json, long expected) => Assert.Equal(Int(expected), Typed(json, Integer));

    [Theory]
    [InlineData("1.5", "a number that is not a 64-bit integer")]
    [InlineData("9223372036854775808", "a number that is not a 64-bit integer")]
    [InlineData("'42'", "a string")]
    [InlineData("true", "a boolean")]
    [InlineData("[1]", "an array")]
    [InlineData("{}", "an object")]
    public void Integer_from_anything_else_is_refused_with_path_and_a_clear_message(string json, string what)
    {
        var exception = RefusedAs(json, Integer);

        Assert.Equal($"'outputs.x' is declared as INTEGER, but the value is {what}.", exception.Message);
    }

    [Theory]
    [InlineData("3", 3.0)]
    [InlineData("-9223372036854775808", -9223372036854775808.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("1e300", 1e300)]
    public void Float_from_any_number_including_integral_ones(string json, double expected) => Assert.Equal(Float(expected), Typed(json, FloatType));

    [Theory]
    [InlineData("1e400", "a number beyond the range of a 64-bit float")]
    [InlineData("'1.5'", "a string")]
    [InlineData("'NaN'", "a string")]
    public void Float_from_a_non_number_or_an_out_of_range_number_is_refused(string json, string what) =>
        Assert.Equal($"'outputs.x' is declared as FLOAT, but the value is {what}.", RefusedAs(json, FloatType).Message);

    [Theory]
    [InlineData("''", "")]
    [InlineData("'é𝄞'", "é𝄞")]
    public void String_from_a_string(string json, string expected) => Assert.Equal(Str(expected), Typed(json, StringType));

    [Theory]
    [InlineData("5", "a number")]
    [InlineData("true", "a boolean")]
    [InlineData("{'a':1}", "an object")]
    public void String_from_a_non_string_is_refused_not_stringified(string json, string what) =>
        Assert.Equal($"'outputs.x' is declared as STRING, but the value is {what}.", RefusedAs(json, StringType).Message);

    [Fact]
    public void Boolean_from_a_boolean_only()
    {
        Assert.Equal(Bool(true), Typed("true", Boolean));
        Assert.Equal(Bool(false), Typed("false", Boolean));
        Assert.Equal("'outputs.x' is declared as BOOLEAN, but the value is a string.", RefusedAs("'true'", Boolean).Message);
        RefusedAs("1", Boolean);
    }

    [Theory]
    [InlineData("2024-05-01T12:00:00Z", 1714564800L, 0)]
    [InlineData("2024-05-01t12:00:00z", 1714564800L, 0)]
    [InlineData("2024-05-01 12:00:00Z", 1714564800L, 0)]
    [InlineData("2024-05-01T14:00:00+02:00", 1714564800L, 0)]
    [InlineData("2024-05-01T06:30:00-05:30", 1714564800L, 0)]
    [InlineData("2024-05-01T12:00:00.5Z", 1714564800L, 500_000_000)]
    [InlineData("2024-05-01T12:00:00.123Z", 1714564800L, 123_000_000)]
    [InlineData("2024-05-01T12:00:00.123456Z", 1714564800L, 123_456_000)]
    [InlineData("2024-05-01T12:00:00.123456789Z", 1714564800L, 123_456_789)]
    [InlineData("2024-05-01T12:00:00.000000001Z", 1714564800L, 1)]
    [InlineData("2024-05-01T13:30:00.123456789+01:30", 1714564800L, 123_456_789)]
    [InlineData("2024-05-01T10:00:00.25-02:00", 1714564800L, 250_000_000)]
    [InlineData("2024-05-01T12:00:00", 1714564800L, 0)]
    [InlineData("2024-05-01T12:00:00.25", 1714564800L, 250_000_000)]
    [InlineData("2024-05-01T12:00:00.123456789", 1714564800L, 123_456_789)]
    [InlineData("1969-12-31T23:59:59.999999999Z", -1L, 999_999_999)]
    [InlineData("0001-01-01T00:00:00Z", -62_135_596_800L, 0)]
    [InlineData("9999-12-31T23:59:59.999999999Z", 253_402_300_799L, 999_999_999)]
    public void Datetime_from_rfc3339_with_offsets_and_nanoseconds_kept(string text, long seconds, int nanos) =>
        Assert.Equal(Time(seconds, nanos), Typed($"'{text}'", Datetime));

    [Theory]
    [InlineData("not a date")]
    [InlineData("")]
    [InlineData("12:00:00")]
    [InlineData("2024-05-01")]
    [InlineData("05/01/2024 12:00:00")]
    [InlineData("May 1, 2024 12:00")]
    [InlineData("2024-05-01T12:00:00.Z")]
    [InlineData("2024-05-01T12:00:00.1234567891Z")]
    [InlineData("2024-05-01T12:00:00.12a4Z")]
    [InlineData("2024-13-01T12:00:00Z")]
    [InlineData("2024-05-01T12:00:00+25:00")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("2024-05-01T12:00:00Z.5")]
    [InlineData("2024-05-01T12:00:00+02:00.5")]
    [InlineData("2024-05-01T12:00:00+0200")]
    [InlineData("2024-05-01T12:00:00+02")]
    [InlineData("2024-05-01T12:00:00 Z")]
    [InlineData("2024-05-01T12:00:00ZZ")]
    [InlineData("2024-5-01T12:00:00Z")]
    [InlineData("2024-05-01T12:00Z")]
    [InlineData("2024-05-01X12:00:00Z")]
    [InlineData(" 2024-05-01T12:00:00Z")]
    [InlineData("2024-05-01T12:00:00Z ")]
    [InlineData("+2024-05-01T12:00:00Z")]
    [InlineData("2024-05-01T12:00:60Z")]
    public void Datetime_that_is_not_rfc3339_or_out_of_range_is_refused(string text)
    {
        var exception = RefusedAs($"'{text}'", Datetime);

        Assert.Contains("DATETIME", exception.Message, StringComparison.Ordinal);
        Assert.Contains("2024-05-01T12:00:00Z", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Datetime_from_a_number_is_refused() =>
        Assert.Equal("'outputs.x' is declared as DATETIME, but the value is a number.", RefusedAs("1714564800", Datetime).Message);

    [Theory]
    [InlineData("1.5s", 1L, 500_000_000)]
    [InlineData("-1.5s", -1L, -500_000_000)]
    [InlineData("-0.5s", 0L, -500_000_000)]
    [InlineData("0s", 0L, 0)]
    [InlineData("90s", 90L, 0)]
    [InlineData("+2s", 2L, 0)]
    [InlineData("0.000000001s", 0L, 1)]
    [InlineData("-3.123456789s", -3L, -123_456_789)]
    [InlineData("315576000000.999999999s", 315_576_000_000L, 999_999_999)]
    [InlineData("-315576000000s", -315_576_000_000L, 0)]
    [InlineData("00:01:30", 90L, 0)]
    [InlineData("-00:01:30", -90L, 0)]
    [InlineData("1.02:03:04", 93784L, 0)]
    [InlineData("00:00:01.5", 1L, 500_000_000)]
    [InlineData("-00:00:00.25", 0L, -250_000_000)]
    public void Duration_from_protobuf_seconds_or_a_timespan(string text, long seconds, int nanos) =>
        Assert.Equal(Span(seconds, nanos), Typed($"'{text}'", DurationType));

    [Theory]
    [InlineData("90")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("1.5 s")]
    [InlineData("1,5s")]
    [InlineData("1e3s")]
    [InlineData("1.0000000001s")]
    [InlineData("315576000001s")]
    [InlineData("-315576000001s")]
    [InlineData("99999999999999999999999999s")]
    [InlineData("PT1M30S")]
    [InlineData("ninety seconds")]
    public void Duration_in_any_other_form_or_out_of_range_is_refused(string text)
    {
        var exception = RefusedAs($"'{text}'", DurationType);

        Assert.Contains("DURATION", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'1.5s'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duration_from_a_number_is_refused() =>
        Assert.Equal("'outputs.x' is declared as DURATION, but the value is a number.", RefusedAs("90", DurationType).Message);

    [Fact]
    public void Struct_from_an_object_is_generic()
    {
        var expected = new Struct();
        expected.Fields["a"] = Value.ForList(Value.ForNumber(1), Value.ForStruct(new Struct { Fields = { ["b"] = Value.ForNull() } }));
        expected.Fields["s"] = Value.ForString("x");
        expected.Fields["t"] = Value.ForBool(true);

        Assert.Equal(Generic(expected), Typed("{'a':[1,{'b':null}],'s':'x','t':true}", StructType));
        Assert.Equal(Generic(new Struct()), Typed("{}", StructType));
    }

    [Theory]
    [InlineData("[1]", "an array")]
    [InlineData("'x'", "a string")]
    public void Struct_from_a_non_object_is_refused(string json, string what) =>
        Assert.Equal($"'outputs.x' is declared as STRUCT, but the value is {what}.", RefusedAs(json, StructType).Message);

    [Fact]
    public void Binary_from_base64()
    {
        Assert.Equal(Binary([1, 2, 3, 255], ""), Typed("'AQID/w=='", BinaryType));
        Assert.Equal(Binary([], ""), Typed("''", BinaryType));
    }

    [Fact]
    public void Binary_from_the_object_form_plugins_see_keeps_the_tag()
    {
        Assert.Equal(Binary([1, 2, 3], "msgpack"), Typed("{'binary':'AQID','tag':'msgpack'}", BinaryType));
        Assert.Equal(Binary([1, 2, 3], ""), Typed("{'binary':'AQID'}", BinaryType));
    }

    [Theory]
    [InlineData("'not base64!'")]
    [InlineData("12")]
    [InlineData("{'tag':'msgpack'}")]
    [InlineData("{'binary':'AQID','tag':1}")]
    [InlineData("{'binary':'AQID','tag':'t','extra':1}")]
    public void Binary_that_is_not_base64_is_refused(string json) =>
        Assert.Contains("declared as BINARY", RefusedAs(json, BinaryType).Message, StringComparison.Ordinal);

    [Fact]
    public void None_from_null_only()
    {
        Assert.Equal(None(), Typed("null", NoneType));
        Assert.Equal("'outputs.x' is declared as NONE, but the value is a number.", RefusedAs("5", NoneType).Message);
        RefusedAs("''", NoneType);
    }

    [Theory]
    [InlineData(SimpleType.Integer, "INTEGER")]
    [InlineData(SimpleType.String, "STRING")]
    [InlineData(SimpleType.Struct, "STRUCT")]
    [InlineData(SimpleType.Datetime, "DATETIME")]
    public void Null_where_a_value_is_declared_is_refused(SimpleType type, string name) =>
        Assert.Equal($"'outputs.x' is declared as {name}, but the value is null.", RefusedAs("null", Simple(type)).Message);

    [Fact]
    public void Null_inside_a_declared_list_is_refused_at_its_index() =>
        Refused("outputs.x[1]", () => LiteralJson.ToLiteral(Json("[1,null]"), ListOf(Integer), "outputs.x"));

    [Fact]
    public void Blob_from_its_uri_takes_the_declared_blob_type()
    {
        var type = new BlobType { Format = "parquet", Dimensionality = BlobType.Types.BlobDimensionality.Multipart };

        Assert.Equal(Blob("s3://bucket/out/", type), Typed("'s3://bucket/out/'", new LiteralType { Blob = type }));
    }

    [Theory]
    [InlineData("''", "an empty string")]
    [InlineData("5", "a number")]
    [InlineData("{'uri':'s3://b/k'}", "an object")]
    [InlineData("null", "null")]
    public void Blob_from_anything_but_a_uri_is_refused(string json, string what) =>
        Assert.Equal(
            $"'outputs.x' is declared as a blob, so its value must be its URI as a string, not {what}.",
            RefusedAs(json, new LiteralType { Blob = CsvFile }).Message);

    [Fact]
    public void Structured_dataset_from_its_uri_takes_the_declared_type()
    {
        var type = new StructuredDatasetType { Format = "parquet" };
        type.Columns.Add(new StructuredDatasetType.Types.DatasetColumn { Name = "id", LiteralType = Integer });
        var expected = Scalar(new Scalar
        {
            StructuredDataset = new StructuredDataset { Uri = "s3://b/ds/", Metadata = new StructuredDatasetMetadata { StructuredDatasetType = type } },
        });

        Assert.Equal(expected, Typed("'s3://b/ds/'", new LiteralType { StructuredDatasetType = type }));
        RefusedAs("1", new LiteralType { StructuredDatasetType = type });
    }

    [Fact]
    public void Schema_from_its_uri_takes_the_declared_type()
    {
        var type = new SchemaType();
        type.Columns.Add(new SchemaType.Types.SchemaColumn { Name = "n", Type = SchemaType.Types.SchemaColumn.Types.SchemaColumnType.Integer });

        Assert.Equal(Scalar(new Scalar { Schema = new Flyteidl.Core.Schema { Uri = "s3://b/s/", Type = type } }), Typed("'s3://b/s/'", new LiteralType { Schema = type }));
        RefusedAs("[]", new LiteralType { Schema = type });
    }

    [Fact]
    public void Enum_from_a_declared_value_is_a_string()
    {
        Assert.Equal(Str("green"), Typed("'green'", EnumOf("red", "green", "blue")));
    }

    [Theory]
    [InlineData("'pink'", "'pink'")]
    [InlineData("'Red'", "'Red'")]
    [InlineData("1", "a number")]
    public void Enum_from_anything_else_is_refused_listing_the_allowed_values(string json, string what) =>
        Assert.Equal($"'outputs.x' must be one of red, green, blue, not {what}.", RefusedAs(json, EnumOf("red", "green", "blue")).Message);

    [Fact]
    public void Union_picks_the_first_variant_that_fits()
    {
        var type = UnionOf(Integer, StringType);

        Assert.Equal(Union(Int(5), Integer), Typed("5", type));
        Assert.Equal(Union(Str("five"), StringType), Typed("'five'", type));
        Assert.Equal(Union(Float(5), FloatType), Typed("5", UnionOf(FloatType, Integer)));
        Assert.Equal(Union(Float(5.5), FloatType), Typed("5.5", UnionOf(Integer, FloatType)));
    }

    [Fact]
    public void Union_does_not_stringify_a_number_into_an_earlier_string_variant() =>
        Assert.Equal(Union(Int(5), Integer), Typed("5", UnionOf(StringType, Integer)));

    [Fact]
    public void Union_does_not_swallow_a_value_into_an_earlier_none_variant() =>
        Assert.Equal(Union(Int(5), Integer), Typed("5", UnionOf(NoneType, Integer)));

    [Fact]
    public void Optional_null_is_the_none_variant_of_the_union()
    {
        var optional = UnionOf(Integer, NoneType);

        Assert.Equal(Union(None(), NoneType), Typed("null", optional));
        Assert.Equal(Union(Int(3), Integer), Typed("3", optional));
    }

    [Fact]
    public void Union_of_blobs_and_collections_keeps_the_variant_type()
    {
        var blob = new LiteralType { Blob = CsvFile };
        var type = UnionOf(ListOf(Integer), blob);

        Assert.Equal(Union(List(Int(1)), ListOf(Integer)), Typed("[1]", type));
        Assert.Equal(Union(Blob("s3://b/k.csv"), blob), Typed("'s3://b/k.csv'", type));
    }

    [Fact]
    public void Union_that_nothing_fits_is_refused_naming_the_variants()
    {
        var exception = RefusedAs("'x'", UnionOf(Integer, Boolean, ListOf(FloatType)));

        Assert.Equal("'outputs.x' fits none of the union's declared types: INTEGER, BOOLEAN, list of FLOAT.", exception.Message);
        Assert.Equal("'outputs.x' fits none of the union's declared types: INTEGER.", RefusedAs("null", UnionOf(Integer)).Message);
    }

    [Fact]
    public void Collection_of_typed_elements()
    {
        Assert.Equal(List(Float(1), Float(2.5)), Typed("[1,2.5]", ListOf(FloatType)));
        Assert.Equal(List(), Typed("[]", ListOf(FloatType)));
        Assert.Equal(List(List(Time(1714564800)), List()), Typed("[['2024-05-01T12:00:00Z'],[]]", ListOf(ListOf(Datetime))));
    }

    [Fact]
    public void Collection_refuses_a_non_array_and_a_bad_element_at_its_index()
    {
        Assert.Equal("'outputs.x' is declared as a list, but the value is an object.", RefusedAs("{}", ListOf(Integer)).Message);
        Refused("outputs.x[1]", () => LiteralJson.ToLiteral(Json("[1,'two',3]"), ListOf(Integer), "outputs.x"));
    }

    [Fact]
    public void Map_of_typed_values()
    {
        Assert.Equal(Map(("a", Float(1)), ("b", Float(0.5))), Typed("{'a':1,'b':0.5}", MapOf(FloatType)));
        Assert.Equal(Map(("m", Map(("k", Span(2))))), Typed("{'m':{'k':'2s'}}", MapOf(MapOf(DurationType))));
    }

    [Fact]
    public void Map_refuses_a_non_object_and_a_bad_value_at_its_key()
    {
        Assert.Equal("'outputs.x' is declared as a map, but the value is an array.", RefusedAs("[]", MapOf(Integer)).Message);
        Refused("outputs.x.b", () => LiteralJson.ToLiteral(Json("{'a':1,'b':'2'}"), MapOf(Integer), "outputs.x"));
    }

    [Fact]
    public void Type_mismatch_in_a_declared_output_names_the_output()
    {
        var declared = Declared(("rows", Integer));

        var exception = Refused("outputs.rows", () => LiteralJson.ToLiteralMap(Json("{'rows':'12'}"), declared));

        Assert.Equal("'outputs.rows' is declared as INTEGER, but the value is a string.", exception.Message);
    }

    [Fact]
    public void Declared_outputs_take_their_types_and_undeclared_ones_their_natural_literal()
    {
        var declared = Declared(("rows", FloatType), ("at", Datetime), ("file", new LiteralType { Blob = CsvFile }));

        var map = LiteralJson.ToLiteralMap(Json("{'rows':12,'at':'2024-05-01T12:00:00Z','file':'s3://b/f.csv','extra':12,'note':'2024-05-01T12:00:00Z'}"), declared);

        Assert.Equal(
            LiteralMap(
                ("rows", Float(12)),
                ("at", Time(1714564800)),
                ("file", Blob("s3://b/f.csv")),
                ("extra", Int(12)),
                ("note", Str("2024-05-01T12:00:00Z"))),
            map);
    }

    [Fact]
    public void Declared_output_that_is_missing_is_refused_naming_it_and_what_to_do()
    {
        var declared = Declared(("rows", Integer), ("path", StringType));

        var exception = Refused("outputs.path", () => LiteralJson.ToLiteralMap(Json("{'rows':1}"), declared));

        Assert.Equal(
            "'outputs.path' is declared as STRING by the task's interface, but the outputs have no 'path'. Return it, or declare it Optional so that a missing value is None.",
            exception.Message);
    }

    [Fact]
    public void Several_missing_outputs_report_the_first_in_ordinal_order_whatever_the_declaration_order() =>
        Refused("outputs.a", () => LiteralJson.ToLiteralMap(Json("{}"), Declared(("b", Integer), ("a", Integer), ("c", Integer))));

    [Fact]
    public void Missing_optional_output_is_none_as_if_the_plugin_had_returned_null()
    {
        var optional = UnionOf(Integer, NoneType);
        var declared = Declared(("maybe", optional), ("nothing", NoneType), ("rows", Integer));

        var map = LiteralJson.ToLiteralMap(Json("{'rows':1}"), declared);

        Assert.Equal(LiteralMap(("rows", Int(1)), ("maybe", Union(None(), NoneType)), ("nothing", None())), map);
        Assert.Equal(map, LiteralJson.ToLiteralMap(Json("{'rows':1,'maybe':null,'nothing':null}"), declared));
    }

    [Fact]
    public void Missing_output_with_an_optional_nested_in_a_union_is_none_too() =>
        Assert.Equal(
            LiteralMap(("x", Union(Union(None(), NoneType), UnionOf(StringType, NoneType)))),
            LiteralJson.ToLiteralMap(Json("{}"), Declared(("x", UnionOf(Integer, UnionOf(StringType, NoneType))))));

    [Fact]
    public void Missing_output_whose_variable_has_no_type_is_left_out() =>
        Assert.Equal(new LiteralMap(), LiteralJson.ToLiteralMap(Json("{}"), new VariableMap { Variables = { ["n"] = new Variable() } }));

    [Fact]
    public void Variable_without_a_type_takes_the_natural_literal()
    {
        var declared = new VariableMap { Variables = { ["n"] = new Variable() } };

        Assert.Equal(LiteralMap(("n", Int(1))), LiteralJson.ToLiteralMap(Json("{'n':1}"), declared));
        Assert.Equal(Int(1), LiteralJson.ToLiteral(Json("1"), new LiteralType()));
    }

    [Fact]
    public void Error_type_cannot_be_produced() =>
        Assert.Equal("'outputs.x' is declared as ERROR, which the agent cannot produce.", RefusedAs("'boom'", Simple(SimpleType.Error)).Message);

    [Fact]
    public void Binary_keeps_every_byte_value()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        Assert.Equal(ByteString.CopyFrom(bytes), Typed($"'{Convert.ToBase64String(bytes)}'", BinaryType).Scalar.Binary.Value);
    }
}
