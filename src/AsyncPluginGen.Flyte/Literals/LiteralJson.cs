using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Flyteidl.Core;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Duration = Google.Protobuf.WellKnownTypes.Duration;

namespace AsyncPluginGen.Flyte.Literals;

/// <summary>
/// The one mapping between Flyte literals and the JSON a plugin sees: inputs (<see cref="LiteralMap"/> to
/// <see cref="TaskContext.Inputs"/>) and outputs (JSON back to a <see cref="LiteralMap"/>). docs/flyte-literals.md has
/// the table. Reflection-free: it walks the protobuf messages and writes with <see cref="Utf8JsonWriter"/>.
/// </summary>
public static class LiteralJson
{
    /// <summary>How deep literals and JSON may nest; deeper input is refused rather than risking the stack.</summary>
    public const int MaxDepth = 64;

    /// <summary>Protobuf's Duration range: about ±10,000 years.</summary>
    private const long MaxDurationSeconds = 315_576_000_000;

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;

    private static readonly string[] TimestampFormats =
    [
        "yyyy'-'MM'-'dd'T'HH':'mm':'ssK",
        "yyyy'-'MM'-'dd't'HH':'mm':'ssK",
        "yyyy'-'MM'-'dd' 'HH':'mm':'ssK",
    ];

    private static readonly int[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    /// <summary>Maps an input map to a JSON object of input name to value (an empty object for null or no inputs).</summary>
    /// <param name="inputs">The literal map.</param>
    /// <returns>The JSON object.</returns>
    /// <exception cref="LiteralMappingException">A literal cannot be represented; the exception names its path.</exception>
    public static JsonElement ToJson(LiteralMap? inputs)
    {
        if (inputs is null || inputs.Literals.Count == 0)
        {
            return EmptyObject;
        }

        return Write(writer => WriteMap(writer, inputs, "inputs", 0));
    }

    /// <summary>Maps one literal to JSON.</summary>
    /// <param name="literal">The literal.</param>
    /// <param name="path">Where it is, for error messages.</param>
    /// <returns>The JSON value.</returns>
    /// <exception cref="LiteralMappingException">The literal cannot be represented.</exception>
    public static JsonElement ToJson(Literal literal, string path = "value")
    {
        ArgumentNullException.ThrowIfNull(literal);
        return Write(writer => WriteLiteral(writer, literal, path, 0));
    }

    /// <summary>
    /// Maps a JSON object of output name to value to a literal map. Without <paramref name="declared"/>, each value takes
    /// its natural literal (see the table); with the task's declared output types, each takes its declared type.
    /// </summary>
    /// <param name="outputs">A JSON object.</param>
    /// <param name="declared">The task interface's outputs, when known (<c>template.interface.outputs</c>).</param>
    /// <returns>The literal map.</returns>
    /// <exception cref="LiteralMappingException">The JSON is not an object, or a value does not fit its declared type.</exception>
    public static LiteralMap ToLiteralMap(JsonElement outputs, VariableMap? declared = null)
    {
        if (outputs.ValueKind != JsonValueKind.Object)
        {
            throw new LiteralMappingException($"Outputs must be a JSON object of output name to value, not {Describe(outputs.ValueKind)}.", "outputs");
        }

        var map = new LiteralMap();
        foreach (var property in outputs.EnumerateObject())
        {
            var type = declared is not null && declared.Variables.TryGetValue(property.Name, out var variable) ? variable.Type : null;
            // Depth 1, as on the way in (the map is level 0): both directions accept the same nesting.
            map.Literals[property.Name] = ToLiteral(property.Value, type, $"outputs.{property.Name}", 1);
        }

        return map;
    }

    /// <summary>
    /// Maps a JSON value to a literal, of <paramref name="type"/> when given. A declared type is strict, as flytekit's
    /// transformers are: a value of another JSON kind is refused rather than converted, and <c>null</c> fits only
    /// <c>NONE</c> (or a union with a <c>NONE</c> variant).
    /// </summary>
    /// <param name="value">The JSON value.</param>
    /// <param name="type">The declared type, or null for the value's natural literal.</param>
    /// <param name="path">Where it is, for error messages.</param>
    /// <returns>The literal.</returns>
    /// <exception cref="LiteralMappingException">The value does not fit.</exception>
    public static Literal ToLiteral(JsonElement value, LiteralType? type = null, string path = "value") => ToLiteral(value, type, path, 0);

    /// <summary>Maps a protobuf <see cref="Struct"/> (Flyte's generic literal, <c>template.custom</c>) to a JSON object.</summary>
    /// <param name="value">The struct; null gives an empty object.</param>
    /// <returns>The JSON object.</returns>
    public static JsonElement FromStruct(Struct? value) =>
        value is null || value.Fields.Count == 0 ? EmptyObject : Write(writer => WriteStruct(writer, value, "struct", 0));

    /// <summary>Maps a JSON object to a protobuf <see cref="Struct"/>.</summary>
    /// <param name="json">A JSON object; anything else is refused.</param>
    /// <returns>The struct.</returns>
    /// <exception cref="LiteralMappingException">The JSON is not an object, or nests too deep.</exception>
    public static Struct ToStruct(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new LiteralMappingException($"A struct must be a JSON object, not {Describe(json.ValueKind)}.", "struct");
        }

        return ToStruct(json, "struct", 0);
    }

    private static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = MaxDepth + 8, SkipValidation = false }))
        {
            write(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = MaxDepth + 8 });
        return document.RootElement.Clone();
    }

    private static void WriteMap(Utf8JsonWriter writer, LiteralMap map, string path, int depth)
    {
        writer.WriteStartObject();

        // Ordinal order: the same inputs always give the same JSON, whatever order the map was filled in.
        foreach (var (name, literal) in map.Literals.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(name);
            WriteLiteral(writer, literal, $"{path}.{name}", depth + 1);
        }

        writer.WriteEndObject();
    }

    private static void WriteLiteral(Utf8JsonWriter writer, Literal literal, string path, int depth)
    {
        CheckDepth(depth, path);
        switch (literal.ValueCase)
        {
            case Literal.ValueOneofCase.Scalar:
                WriteScalar(writer, literal.Scalar, path, depth);
                break;
            case Literal.ValueOneofCase.Collection:
                writer.WriteStartArray();
                for (var i = 0; i < literal.Collection.Literals.Count; i++)
                {
                    WriteLiteral(writer, literal.Collection.Literals[i], $"{path}[{i}]", depth + 1);
                }

                writer.WriteEndArray();
                break;
            case Literal.ValueOneofCase.Map:
                WriteMap(writer, literal.Map, path, depth);
                break;
            case Literal.ValueOneofCase.OffloadedMetadata:
                throw new LiteralMappingException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"'{path}' is an offloaded literal ({literal.OffloadedMetadata.SizeBytes:N0} bytes at {literal.OffloadedMetadata.Uri}); the agent cannot read offloaded data. Pass the data as a blob (a file or directory URI) instead, or raise propeller's literal offloading threshold."),
                    path);
            default:
                throw new LiteralMappingException($"'{path}' is an empty literal: it has no scalar, collection or map.", path);
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, Scalar scalar, string path, int depth)
    {
        switch (scalar.ValueCase)
        {
            case Scalar.ValueOneofCase.Primitive:
                WritePrimitive(writer, scalar.Primitive, path);
                break;
            case Scalar.ValueOneofCase.NoneType:
                writer.WriteNullValue();
                break;
            case Scalar.ValueOneofCase.Generic:
                WriteStruct(writer, scalar.Generic, path, depth);
                break;
            case Scalar.ValueOneofCase.Blob:
                writer.WriteStringValue(scalar.Blob.Uri);
                break;
            case Scalar.ValueOneofCase.StructuredDataset:
                writer.WriteStringValue(scalar.StructuredDataset.Uri);
                break;
            case Scalar.ValueOneofCase.Schema:
                writer.WriteStringValue(scalar.Schema.Uri);
                break;
            case Scalar.ValueOneofCase.Union:
                if (scalar.Union.Value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    WriteLiteral(writer, scalar.Union.Value, path, depth + 1);
                }

                break;
            case Scalar.ValueOneofCase.Binary:
                writer.WriteStartObject();
                writer.WriteBase64String("binary", scalar.Binary.Value.Span);
                writer.WriteString("tag", scalar.Binary.Tag);
                writer.WriteEndObject();
                break;
            case Scalar.ValueOneofCase.Error:
                throw new LiteralMappingException(
                    $"'{path}' is an error literal (from node '{scalar.Error.FailedNodeId}': {Clip(scalar.Error.Message)}); a task cannot take an upstream failure as an input.",
                    path);
            default:
                throw new LiteralMappingException($"'{path}' is an empty scalar.", path);
        }
    }

    private static void WritePrimitive(Utf8JsonWriter writer, Primitive primitive, string path)
    {
        switch (primitive.ValueCase)
        {
            case Primitive.ValueOneofCase.Integer:
                writer.WriteNumberValue(primitive.Integer);
                break;
            case Primitive.ValueOneofCase.FloatValue:
                if (!double.IsFinite(primitive.FloatValue))
                {
                    throw new LiteralMappingException($"'{path}' is {primitive.FloatValue.ToString(CultureInfo.InvariantCulture)}, which JSON cannot represent; pass it as a string.", path);
                }

                writer.WriteNumberValue(primitive.FloatValue);
                break;
            case Primitive.ValueOneofCase.StringValue:
                writer.WriteStringValue(primitive.StringValue);
                break;
            case Primitive.ValueOneofCase.Boolean:
                writer.WriteBooleanValue(primitive.Boolean);
                break;
            case Primitive.ValueOneofCase.Datetime:
                writer.WriteStringValue(FormatTimestamp(primitive.Datetime, path));
                break;
            case Primitive.ValueOneofCase.Duration:
                writer.WriteStringValue(FormatDuration(primitive.Duration, path));
                break;
            default:
                throw new LiteralMappingException($"'{path}' is an empty primitive.", path);
        }
    }

    private static void WriteStruct(Utf8JsonWriter writer, Struct value, string path, int depth)
    {
        CheckDepth(depth, path);
        writer.WriteStartObject();
        foreach (var (name, field) in value.Fields.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(name);
            WriteValue(writer, field, $"{path}.{name}", depth + 1);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, Value value, string path, int depth)
    {
        CheckDepth(depth, path);
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
                WriteStruct(writer, value.StructValue, path, depth);
                break;
            case Value.KindOneofCase.ListValue:
                writer.WriteStartArray();
                for (var i = 0; i < value.ListValue.Values.Count; i++)
                {
                    WriteValue(writer, value.ListValue.Values[i], $"{path}[{i}]", depth + 1);
                }

                writer.WriteEndArray();
                break;
        }
    }

    private static Literal ToLiteral(JsonElement value, LiteralType? type, string path, int depth)
    {
        CheckDepth(depth, path);
        return type?.TypeCase switch
        {
            null or LiteralType.TypeOneofCase.None => Natural(value, path, depth),
            LiteralType.TypeOneofCase.Simple => Simple(value, type.Simple, path, depth),
            LiteralType.TypeOneofCase.CollectionType => Collection(value, type.CollectionType, path, depth),
            LiteralType.TypeOneofCase.MapValueType => Map(value, type.MapValueType, path, depth),
            LiteralType.TypeOneofCase.Blob => OfScalar(new Scalar { Blob = new Blob { Uri = Uri(value, "blob", path), Metadata = new BlobMetadata { Type = type.Blob } } }),
            LiteralType.TypeOneofCase.StructuredDatasetType => OfScalar(new Scalar
            {
                StructuredDataset = new StructuredDataset
                {
                    Uri = Uri(value, "structured dataset", path),
                    Metadata = new StructuredDatasetMetadata { StructuredDatasetType = type.StructuredDatasetType },
                },
            }),
            LiteralType.TypeOneofCase.Schema => OfScalar(new Scalar { Schema = new Schema { Uri = Uri(value, "schema", path), Type = type.Schema } }),
            LiteralType.TypeOneofCase.EnumType => OfPrimitive(new Primitive { StringValue = EnumValue(value, type.EnumType, path) }),
            LiteralType.TypeOneofCase.UnionType => Union(value, type.UnionType, path, depth),
            _ => throw new LiteralMappingException($"'{path}' is declared as {type.TypeCase}, which the agent cannot produce.", path),
        };
    }

    private static Literal Natural(JsonElement value, string path, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return OfScalar(new Scalar { NoneType = new Flyteidl.Core.Void() });
            case JsonValueKind.String:
                return OfPrimitive(new Primitive { StringValue = value.GetString()! });
            case JsonValueKind.True:
            case JsonValueKind.False:
                return OfPrimitive(new Primitive { Boolean = value.GetBoolean() });
            case JsonValueKind.Number:
                return value.TryGetInt64(out var integer)
                    ? OfPrimitive(new Primitive { Integer = integer })
                    : OfPrimitive(new Primitive { FloatValue = FiniteNumber(value, path) });
            case JsonValueKind.Array:
                return Collection(value, null, path, depth);
            case JsonValueKind.Object:
                return Map(value, null, path, depth);
            default:
                throw new LiteralMappingException($"'{path}' is {Describe(value.ValueKind)}, which has no literal.", path);
        }
    }

    private static Literal Simple(JsonElement value, SimpleType type, string path, int depth)
    {
        // Strict, as flytekit's own transformers are: a value of another JSON kind is refused, never converted, so a
        // union picks the variant the value really is (5 is INTEGER in Union[str, int], not "5").
        var kind = value.ValueKind;
        switch (type)
        {
            case SimpleType.None when kind == JsonValueKind.Null:
                return OfScalar(new Scalar { NoneType = new Flyteidl.Core.Void() });
            case SimpleType.Integer when kind == JsonValueKind.Number:
                return value.TryGetInt64(out var integer)
                    ? OfPrimitive(new Primitive { Integer = integer })
                    : throw Mismatch(path, type, "a number that is not a 64-bit integer");
            case SimpleType.Float when kind == JsonValueKind.Number:
                return value.TryGetDouble(out var number) && double.IsFinite(number)
                    ? OfPrimitive(new Primitive { FloatValue = number })
                    : throw Mismatch(path, type, "a number beyond the range of a 64-bit float");
            case SimpleType.String when kind == JsonValueKind.String:
                return OfPrimitive(new Primitive { StringValue = value.GetString()! });
            case SimpleType.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                return OfPrimitive(new Primitive { Boolean = value.GetBoolean() });
            case SimpleType.Datetime when kind == JsonValueKind.String:
                return OfPrimitive(new Primitive { Datetime = ParseTimestamp(value.GetString()!, path) });
            case SimpleType.Duration when kind == JsonValueKind.String:
                return OfPrimitive(new Primitive { Duration = ParseDuration(value.GetString()!, path) });
            case SimpleType.Struct when kind == JsonValueKind.Object:
                return OfScalar(new Scalar { Generic = ToStruct(value, path, depth) });
            case SimpleType.Binary when kind == JsonValueKind.String:
                return value.TryGetBytesFromBase64(out var bytes)
                    ? OfScalar(new Scalar { Binary = new Binary { Value = ByteString.CopyFrom(bytes) } })
                    : throw Mismatch(path, type, "a string that is not base64");
            case SimpleType.Binary when kind == JsonValueKind.Object:
                return OfScalar(new Scalar { Binary = BinaryObject(value, path) });
            case SimpleType.None:
            case SimpleType.Integer:
            case SimpleType.Float:
            case SimpleType.String:
            case SimpleType.Boolean:
            case SimpleType.Datetime:
            case SimpleType.Duration:
            case SimpleType.Struct:
            case SimpleType.Binary:
                throw Mismatch(path, type, Describe(kind));
            default:
                throw new LiteralMappingException($"'{path}' is declared as {Name(type)}, which the agent cannot produce.", path);
        }
    }

    /// <summary>The object form a plugin sees for a binary input, <c>{"binary": base64, "tag": string}</c>, back to a Binary.</summary>
    private static Binary BinaryObject(JsonElement value, string path)
    {
        byte[]? bytes = null;
        var tag = "";
        var valid = true;
        foreach (var property in value.EnumerateObject())
        {
            if (property.NameEquals("binary") && property.Value.ValueKind == JsonValueKind.String && property.Value.TryGetBytesFromBase64(out var decoded))
            {
                bytes = decoded;
            }
            else if (property.NameEquals("tag") && property.Value.ValueKind == JsonValueKind.String)
            {
                tag = property.Value.GetString()!;
            }
            else
            {
                valid = false;
            }
        }

        return valid && bytes is not null
            ? new Binary { Value = ByteString.CopyFrom(bytes), Tag = tag }
            : throw Mismatch(path, SimpleType.Binary, "an object other than {\"binary\": base64, \"tag\": string}");
    }

    private static LiteralMappingException Mismatch(string path, SimpleType type, string what) =>
        new($"'{path}' is declared as {Name(type)}, but the value is {what}.", path);

    private static Literal Collection(JsonElement value, LiteralType? element, string path, int depth)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new LiteralMappingException($"'{path}' is declared as a list, but the value is {Describe(value.ValueKind)}.", path);
        }

        var collection = new LiteralCollection();
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            collection.Literals.Add(ToLiteral(item, element, $"{path}[{i++}]", depth + 1));
        }

        return new Literal { Collection = collection };
    }

    private static Literal Map(JsonElement value, LiteralType? valueType, string path, int depth)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new LiteralMappingException($"'{path}' is declared as a map, but the value is {Describe(value.ValueKind)}.", path);
        }

        var map = new LiteralMap();
        foreach (var property in value.EnumerateObject())
        {
            map.Literals[property.Name] = ToLiteral(property.Value, valueType, $"{path}.{property.Name}", depth + 1);
        }

        return new Literal { Map = map };
    }

    private static Literal Union(JsonElement value, UnionType union, string path, int depth)
    {
        // The first variant the value fits, in declaration order. Null fits only a NONE variant (Optional[T]).
        foreach (var variant in union.Variants)
        {
            try
            {
                return OfScalar(new Scalar { Union = new Flyteidl.Core.Union { Value = ToLiteral(value, variant, path, depth + 1), Type = variant } });
            }
            catch (LiteralMappingException)
            {
            }
        }

        throw new LiteralMappingException($"'{path}' fits none of the union's declared types: {string.Join(", ", union.Variants.Select(Describe))}.", path);
    }

    private static Struct ToStruct(JsonElement json, string path, int depth)
    {
        CheckDepth(depth, path);
        var result = new Struct();
        foreach (var property in json.EnumerateObject())
        {
            result.Fields[property.Name] = ToValue(property.Value, $"{path}.{property.Name}", depth + 1);
        }

        return result;
    }

    private static Value ToValue(JsonElement json, string path, int depth)
    {
        CheckDepth(depth, path);
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                return Value.ForStruct(ToStruct(json, path, depth));
            case JsonValueKind.Array:
                var list = new ListValue();
                var i = 0;
                foreach (var item in json.EnumerateArray())
                {
                    list.Values.Add(ToValue(item, $"{path}[{i++}]", depth + 1));
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

    /// <summary>A JSON number as a double; System.Text.Json reads 1e400 as infinity, which no literal should silently become.</summary>
    private static double FiniteNumber(JsonElement value, string path) =>
        value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new LiteralMappingException($"'{path}' is a number beyond the range of a 64-bit float.", path);

    private static string Uri(JsonElement value, string what, string path) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } uri
            ? uri
            : throw new LiteralMappingException(
                $"'{path}' is declared as a {what}, so its value must be its URI as a string, not {(value.ValueKind == JsonValueKind.String ? "an empty string" : Describe(value.ValueKind))}.",
                path);

    private static string EnumValue(JsonElement value, EnumType type, string path)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        return text is not null && type.Values.Contains(text)
            ? text
            : throw new LiteralMappingException(
                $"'{path}' must be one of {string.Join(", ", type.Values)}, not {(text is null ? Describe(value.ValueKind) : $"'{Clip(text)}'")}.",
                path);
    }

    private static Literal OfPrimitive(Primitive primitive) => OfScalar(new Scalar { Primitive = primitive });

    private static Literal OfScalar(Scalar scalar) => new() { Scalar = scalar };

    /// <summary>RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits, as protobuf's JSON writes a Timestamp.</summary>
    internal static string FormatTimestamp(Timestamp timestamp, string path)
    {
        if (timestamp.Nanos is < 0 or > 999_999_999 || timestamp.Seconds < -62_135_596_800 || timestamp.Seconds > 253_402_300_799)
        {
            throw new LiteralMappingException($"'{path}' is a datetime outside 0001-01-01 to 9999-12-31.", path);
        }

        var whole = DateTime.UnixEpoch.AddSeconds(timestamp.Seconds);
        return whole.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + Fraction(timestamp.Nanos) + "Z";
    }

    /// <summary>Seconds with 0, 3, 6 or 9 fractional digits and an <c>s</c>, as protobuf's JSON writes a Duration.</summary>
    internal static string FormatDuration(Duration duration, string path)
    {
        if (duration.Seconds is < -MaxDurationSeconds or > MaxDurationSeconds)
        {
            throw new LiteralMappingException($"'{path}' is a duration outside protobuf's range of ±{MaxDurationSeconds} seconds.", path);
        }

        if (Math.Abs(duration.Nanos) > 999_999_999 || (duration.Seconds > 0 && duration.Nanos < 0) || (duration.Seconds < 0 && duration.Nanos > 0))
        {
            throw new LiteralMappingException($"'{path}' is a malformed duration (seconds and nanos disagree in sign, or nanos exceed a second).", path);
        }

        var negative = duration.Seconds < 0 || duration.Nanos < 0;
        return (negative ? "-" : "") + Math.Abs(duration.Seconds).ToString(CultureInfo.InvariantCulture) + Fraction(Math.Abs(duration.Nanos)) + "s";
    }

    private static string Fraction(int nanos) =>
        nanos == 0 ? ""
        : nanos % 1_000_000 == 0 ? "." + (nanos / 1_000_000).ToString("D3", CultureInfo.InvariantCulture)
        : nanos % 1_000 == 0 ? "." + (nanos / 1_000).ToString("D6", CultureInfo.InvariantCulture)
        : "." + nanos.ToString("D9", CultureInfo.InvariantCulture);

    private static Timestamp ParseTimestamp(string text, string path)
    {
        // RFC 3339 only, parsed exactly (a lenient parse would take "12:00" as today's date). The whole seconds go through
        // DateTimeOffset; the fraction is read by hand, with or without an offset after it, so nanoseconds survive.
        var nanos = 0;
        var withoutFraction = text;
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            var digits = end - dot - 1;
            if (digits is 0 or > 9)
            {
                throw NotATimestamp(text, path);
            }

            nanos = int.Parse(text.AsSpan(dot + 1, digits), NumberStyles.None, CultureInfo.InvariantCulture) * PowersOfTen[9 - digits];
            withoutFraction = string.Concat(text.AsSpan(0, dot), text.AsSpan(end));
        }

        if (withoutFraction.EndsWith('z'))
        {
            withoutFraction = string.Concat(withoutFraction.AsSpan(0, withoutFraction.Length - 1), "Z");
        }

        // No offset is read as UTC, as protobuf's own FromDatetime reads a naive datetime.
        if (!DateTimeOffset.TryParseExact(withoutFraction, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            throw NotATimestamp(text, path);
        }

        return new Timestamp { Seconds = parsed.ToUnixTimeSeconds(), Nanos = nanos };
    }

    private static LiteralMappingException NotATimestamp(string text, string path) =>
        new($"'{path}' is declared as DATETIME, but '{Clip(text)}' is not an RFC 3339 date and time such as 2024-05-01T12:00:00Z or 2024-05-01T14:00:00.123456789+02:00 (at most 9 fraction digits, 0001 to 9999 in UTC).", path);

    private static Duration ParseDuration(string text, string path)
    {
        if (TryParseSeconds(text, out var duration))
        {
            return duration;
        }

        // A TimeSpan ([-][d.]hh:mm[:ss[.fffffff]]) needs a colon: TimeSpan would read a bare "90" as 90 days.
        if (text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            duration = Duration.FromTimeSpan(span);
            if (duration.Seconds is >= -MaxDurationSeconds and <= MaxDurationSeconds)
            {
                return duration;
            }
        }

        throw new LiteralMappingException(
            $"'{path}' is declared as DURATION, but '{Clip(text)}' is neither protobuf's '1.5s' form (at most 9 fraction digits, within ±{MaxDurationSeconds}s) nor a TimeSpan such as 00:01:30.",
            path);
    }

    /// <summary>Protobuf's JSON form of a Duration: an optional sign, whole seconds, up to 9 fraction digits, and <c>s</c>.</summary>
    private static bool TryParseSeconds(string text, [NotNullWhen(true)] out Duration? duration)
    {
        duration = null;
        var span = text.AsSpan();
        if (!span.EndsWith("s", StringComparison.Ordinal))
        {
            return false;
        }

        span = span[..^1];
        var negative = span.StartsWith("-", StringComparison.Ordinal);
        if (negative || span.StartsWith("+", StringComparison.Ordinal))
        {
            span = span[1..];
        }

        var dot = span.IndexOf('.');
        var whole = dot < 0 ? span : span[..dot];
        var fraction = dot < 0 ? [] : span[(dot + 1)..];
        if (whole.Length is 0 or > 18 || whole.ContainsAnyExceptInRange('0', '9')
            || (dot >= 0 && (fraction.Length is 0 or > 9 || fraction.ContainsAnyExceptInRange('0', '9'))))
        {
            return false;
        }

        var seconds = long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture);
        var nanos = fraction.IsEmpty ? 0 : int.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture) * PowersOfTen[9 - fraction.Length];
        if (seconds > MaxDurationSeconds)
        {
            return false;
        }

        duration = new Duration { Seconds = negative ? -seconds : seconds, Nanos = negative ? -nanos : nanos };
        return true;
    }

    private static void CheckDepth(int depth, string path)
    {
        if (depth > MaxDepth)
        {
            throw new LiteralMappingException($"'{path}' nests deeper than {MaxDepth} levels.", path);
        }
    }

    private static string Name(SimpleType type) => type.ToString().ToUpperInvariant();

    private static string Describe(LiteralType type) => type.TypeCase switch
    {
        LiteralType.TypeOneofCase.Simple => Name(type.Simple),
        LiteralType.TypeOneofCase.CollectionType => "list of " + Describe(type.CollectionType),
        LiteralType.TypeOneofCase.MapValueType => "map of " + Describe(type.MapValueType),
        LiteralType.TypeOneofCase.Blob => "blob",
        LiteralType.TypeOneofCase.Schema => "schema",
        LiteralType.TypeOneofCase.StructuredDatasetType => "structured dataset",
        LiteralType.TypeOneofCase.EnumType => "enum",
        LiteralType.TypeOneofCase.UnionType => "union",
        _ => "any",
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    private static string Clip(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");
}
