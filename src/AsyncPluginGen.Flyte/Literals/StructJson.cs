using System.Globalization;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;

namespace AsyncPluginGen.Flyte.Literals;

/// <summary>
/// protobuf's <see cref="Struct"/>, <see cref="Value"/> and <see cref="ListValue"/> to JSON and back, one to one: the
/// generic literal, <c>template.custom</c> and <c>custom_info</c> are all Structs.
/// </summary>
internal static class StructJson
{
    public static void Write(Utf8JsonWriter writer, Struct value, string path, int depth)
    {
        LiteralPath.CheckDepth(depth, path);
        writer.WriteStartObject();

        // Ordinal order, as for literal maps: the same struct always gives the same text.
        foreach (var (name, field) in value.Fields.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(name);
            WriteValue(writer, field, LiteralPath.Member(path, name), depth + 1);
        }

        writer.WriteEndObject();
    }

    public static Struct Read(JsonElement json, string path, int depth)
    {
        LiteralPath.CheckDepth(depth, path);
        var result = new Struct();
        foreach (var property in json.EnumerateObject())
        {
            result.Fields[property.Name] = ReadValue(property.Value, LiteralPath.Member(path, property.Name), depth + 1);
        }

        return result;
    }

    /// <summary>A JSON number as a double; System.Text.Json reads 1e400 as infinity, which no value should silently become.</summary>
    public static double FiniteNumber(JsonElement value, string path) =>
        value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new LiteralMappingException($"'{path}' is a number beyond the range of a 64-bit float.", path);

    private static void WriteValue(Utf8JsonWriter writer, Value value, string path, int depth)
    {
        LiteralPath.CheckDepth(depth, path);
        switch (value.KindCase)
        {
            case Value.KindOneofCase.NullValue:
            case Value.KindOneofCase.None:
                writer.WriteNullValue();
                break;
            case Value.KindOneofCase.NumberValue:
                if (!double.IsFinite(value.NumberValue))
                {
                    throw new LiteralMappingException($"'{path}' is {value.NumberValue.ToString(CultureInfo.InvariantCulture)}, which JSON cannot represent.", path);
                }

                writer.WriteNumberValue(value.NumberValue);
                break;
            case Value.KindOneofCase.StringValue:
                writer.WriteStringValue(value.StringValue);
                break;
            case Value.KindOneofCase.BoolValue:
                writer.WriteBooleanValue(value.BoolValue);
                break;
            case Value.KindOneofCase.StructValue:
                Write(writer, value.StructValue, path, depth);
                break;
            case Value.KindOneofCase.ListValue:
                writer.WriteStartArray();
                for (var i = 0; i < value.ListValue.Values.Count; i++)
                {
                    WriteValue(writer, value.ListValue.Values[i], LiteralPath.Index(path, i), depth + 1);
                }

                writer.WriteEndArray();
                break;
        }
    }

    private static Value ReadValue(JsonElement json, string path, int depth)
    {
        LiteralPath.CheckDepth(depth, path);
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                return Value.ForStruct(Read(json, path, depth));
            case JsonValueKind.Array:
                var list = new ListValue();
                var i = 0;
                foreach (var item in json.EnumerateArray())
                {
                    list.Values.Add(ReadValue(item, LiteralPath.Index(path, i++), depth + 1));
                }

                return new Value { ListValue = list };
            case JsonValueKind.String:
                return Value.ForString(json.GetString()!);
            case JsonValueKind.Number:
                return Value.ForNumber(FiniteNumber(json, path));
            case JsonValueKind.True:
            case JsonValueKind.False:
                return Value.ForBool(json.GetBoolean());
            default:
                return Value.ForNull();
        }
    }
}
