using System.Text;
using System.Text.Json;
using AsyncPluginGen.Infrastructure;

namespace AsyncPluginGen.Tests;

/// <summary>The runtime half of the ResourceMeta codec: the byte-array helpers and the primitives generated code calls.</summary>
public sealed class ResourceMetaSerializerTests
{
    /// <summary>A handwritten serializer, as a plugin without a generated one may provide.</summary>
    private sealed class IdSerializer : IResourceMetaSerializer<string>
    {
        public void Write(Utf8JsonWriter writer, string value)
        {
            writer.WriteStartObject();
            writer.WriteString("id", value);
            writer.WriteEndObject();
        }

        public string Read(ReadOnlySpan<byte> utf8Json) => ResourceMetaJson.Read(utf8Json, static (ref Utf8JsonReader reader) =>
        {
            ResourceMetaJson.ReadStartObject(ref reader, "Id");
            var id = (string?)null;
            while (ResourceMetaJson.ReadProperty(ref reader, out var name))
            {
                if (name == "id")
                {
                    id = ResourceMetaJson.ReadString(ref reader, "Id.id");
                }
                else
                {
                    reader.Skip();
                }
            }

            return id ?? throw ResourceMetaJson.Missing("Id.id");
        });
    }

    [Fact]
    public void Serialize_writes_compact_utf8_json_that_deserialize_reads_back()
    {
        var bytes = ResourceMetaSerializer.Serialize(new IdSerializer(), "job-ü");

        Assert.Equal("{\"id\":\"job-\\u00FC\"}", Encoding.UTF8.GetString(bytes));
        Assert.Equal("job-ü", ResourceMetaSerializer.Deserialize(new IdSerializer(), bytes));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(" \r\n", "empty")]
    [InlineData("nul", "not valid JSON")]
    [InlineData("{\"id\":\"a\"} x", "not valid JSON")]
    [InlineData("{}", "'Id.id' is required but missing")]
    [InlineData("{\"id\":1}", "'Id.id' must be a string, but the JSON has a number")]
    public void Read_reports_every_problem_as_a_format_exception(string json, string message)
    {
        var error = Assert.Throws<ResourceMetaFormatException>(() => ResourceMetaSerializer.Deserialize(new IdSerializer(), Encoding.UTF8.GetBytes(json)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_nested_deeper_than_32_levels_is_rejected()
    {
        var json = "{\"x\":" + new string('[', 40) + new string(']', 40) + ",\"id\":\"a\"}";

        var error = Assert.Throws<ResourceMetaFormatException>(() => ResourceMetaSerializer.Deserialize(new IdSerializer(), Encoding.UTF8.GetBytes(json)));

        Assert.Contains("nests deeper than 32 levels", error.Message, StringComparison.Ordinal);
        Assert.IsType<JsonException>(error.InnerException, exactMatch: false);
    }

    [Fact]
    public void The_exception_is_a_format_exception_with_the_standard_constructors()
    {
        Assert.IsAssignableFrom<FormatException>(new ResourceMetaFormatException());
        Assert.Equal("m", new ResourceMetaFormatException("m").Message);
        Assert.Equal("T.x", new ResourceMetaFormatException("m", "T.x").Member);
        Assert.IsType<InvalidOperationException>(new ResourceMetaFormatException("m", new InvalidOperationException()).InnerException);
    }

    [Theory]
    [InlineData(double.NaN, "\"NaN\"")]
    [InlineData(double.PositiveInfinity, "\"Infinity\"")]
    [InlineData(double.NegativeInfinity, "\"-Infinity\"")]
    [InlineData(-0.0, "-0")]
    [InlineData(1.5e300, "1.5E+300")]
    public void Doubles_round_trip_including_the_values_json_numbers_cannot_hold(double value, string json)
    {
        Assert.Equal(json, Write(w => ResourceMetaJson.WriteDouble(w, value)));
        Assert.Equal(value, ResourceMetaJson.Read(Encoding.UTF8.GetBytes(json), static (ref Utf8JsonReader r) => ResourceMetaJson.ReadDouble(ref r, "d")));
    }

    [Fact]
    public void Enums_with_unsigned_64_bit_values_round_trip_by_name_and_by_number()
    {
        Assert.Equal("\"Max\"", Write(w => ResourceMetaJson.WriteEnum(w, Wide.Max)));
        Assert.Equal(Wide.Max, ResourceMetaJson.Read("18446744073709551615"u8, static (ref Utf8JsonReader r) => ResourceMetaJson.ReadEnum<Wide>(ref r, "w")));
        Assert.Equal(Wide.Max, ResourceMetaJson.Read("\"max\""u8, static (ref Utf8JsonReader r) => ResourceMetaJson.ReadEnum<Wide>(ref r, "w")));
        Assert.Throws<ResourceMetaFormatException>(() => ResourceMetaJson.Read("1"u8, static (ref Utf8JsonReader r) => ResourceMetaJson.ReadEnum<Wide>(ref r, "w")));
        Assert.Throws<ArgumentOutOfRangeException>(() => Write(w => ResourceMetaJson.WriteEnum(w, (Wide)1)));
    }

    [Fact]
    public void Time_spans_use_the_constant_format()
    {
        var value = new TimeSpan(1, 2, 3, 4, 500);

        Assert.Equal("\"1.02:03:04.5000000\"", Write(w => ResourceMetaJson.WriteTimeSpan(w, value)));
        Assert.Equal(value, ResourceMetaJson.Read("\"1.02:03:04.5\""u8, static (ref Utf8JsonReader r) => ResourceMetaJson.ReadTimeSpan(ref r, "t")));
    }

    private enum Wide : ulong
    {
        Zero = 0,
        Max = ulong.MaxValue,
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
