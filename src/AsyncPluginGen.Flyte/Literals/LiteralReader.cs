using System.Text.Json;
using Flyteidl.Core;
using Google.Protobuf;
using static AsyncPluginGen.Flyte.Literals.LiteralDescriptions;

namespace AsyncPluginGen.Flyte.Literals;

/// <summary>
/// JSON (a plugin's outputs) to Flyte literals: each value's natural literal, or the literal of its declared type
/// (the right half of the table in docs/flyte-literals.md).
/// </summary>
internal static class LiteralReader
{
    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement;

    public static LiteralMap ReadOutputs(JsonElement outputs, VariableMap? declared)
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
            map.Literals[property.Name] = Read(property.Value, type, LiteralPath.Member("outputs", property.Name), 1);
        }

        if (declared is not null)
        {
            AddMissing(map, declared);
        }

        return map;
    }

    public static Literal Read(JsonElement value, LiteralType? type, string path, int depth)
    {
        LiteralPath.CheckDepth(depth, path);
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

    /// <summary>
    /// A declared output the plugin left out. An optional one (NONE, or a union with a NONE variant) is None, as a JSON
    /// writer that omits nulls meant; any other is refused here, rather than left for a downstream node to fail on.
    /// </summary>
    private static void AddMissing(LiteralMap map, VariableMap declared)
    {
        foreach (var (name, variable) in declared.Variables.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (map.Literals.ContainsKey(name) || variable.Type is null || variable.Type.TypeCase == LiteralType.TypeOneofCase.None)
            {
                continue;
            }

            var path = LiteralPath.Member("outputs", name);
            map.Literals[name] = AcceptsNull(variable.Type)
                ? Read(Null, variable.Type, path, 1)
                : throw new LiteralMappingException(
                    $"'{path}' is declared as {Describe(variable.Type)} by the task's interface, but the outputs have no '{name}'. Return it, or declare it Optional so that a missing value is None.",
                    path);
        }
    }

    private static bool AcceptsNull(LiteralType type) =>
        type.TypeCase switch
        {
            LiteralType.TypeOneofCase.Simple => type.Simple == SimpleType.None,
            LiteralType.TypeOneofCase.UnionType => type.UnionType.Variants.Any(AcceptsNull),
            _ => false,
        };

    private static Literal Natural(JsonElement value, string path, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return OfScalar(new Scalar { NoneType = new Flyteidl.Core.Void() });
            case JsonValueKind.String:
                // Never sniffed: a string that looks like a datetime or a number stays a string.
                return OfPrimitive(new Primitive { StringValue = value.GetString()! });
            case JsonValueKind.True:
            case JsonValueKind.False:
                return OfPrimitive(new Primitive { Boolean = value.GetBoolean() });
            case JsonValueKind.Number:
                // TryGetInt64 fails for any fraction or exponent (1.0, 1e3), so only a plain integer becomes INTEGER.
                return value.TryGetInt64(out var integer)
                    ? OfPrimitive(new Primitive { Integer = integer })
                    : OfPrimitive(new Primitive { FloatValue = StructJson.FiniteNumber(value, path) });
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
                return OfPrimitive(new Primitive { Datetime = ProtobufTimeText.ParseTimestamp(value.GetString()!, path) });
            case SimpleType.Duration when kind == JsonValueKind.String:
                return OfPrimitive(new Primitive { Duration = ProtobufTimeText.ParseDuration(value.GetString()!, path) });
            case SimpleType.Struct when kind == JsonValueKind.Object:
                return OfScalar(new Scalar { Generic = StructJson.Read(value, path, depth) });
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
            if (property.NameEquals(LiteralWriter.BinaryProperty) && property.Value.ValueKind == JsonValueKind.String && property.Value.TryGetBytesFromBase64(out var decoded))
            {
                bytes = decoded;
            }
            else if (property.NameEquals(LiteralWriter.TagProperty) && property.Value.ValueKind == JsonValueKind.String)
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
            collection.Literals.Add(Read(item, element, LiteralPath.Index(path, i++), depth + 1));
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
            map.Literals[property.Name] = Read(property.Value, valueType, LiteralPath.Member(path, property.Name), depth + 1);
        }

        return new Literal { Map = map };
    }

    private static Literal Union(JsonElement value, UnionType union, string path, int depth)
    {
        // The first variant the value fits, in declaration order. Null fits only a NONE variant (Optional[T]). One level
        // more, as on the way in, though no JSON level is added: unions nested in unions must not run the stack out.
        foreach (var variant in union.Variants)
        {
            try
            {
                return OfScalar(new Scalar { Union = new Flyteidl.Core.Union { Value = Read(value, variant, path, depth + 1), Type = variant } });
            }
            catch (LiteralMappingException)
            {
                // This variant does not fit; the next may.
            }
        }

        throw new LiteralMappingException($"'{path}' fits none of the union's declared types: {string.Join(", ", union.Variants.Select(Describe))}.", path);
    }

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
}
