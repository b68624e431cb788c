using System.Globalization;
using System.Text.Json;
using Flyteidl.Core;
using static AsyncPluginGen.Flyte.Literals.LiteralDescriptions;

namespace AsyncPluginGen.Flyte.Literals;

/// <summary>Flyte literals to the JSON a plugin sees (the left half of the table in docs/flyte-literals.md).</summary>
internal static class LiteralWriter
{
    /// <summary>The property of a binary's object form that holds its bytes, in base64.</summary>
    public const string BinaryProperty = "binary";

    /// <summary>The property of a binary's object form that holds its tag (how the bytes are encoded, e.g. msgpack).</summary>
    public const string TagProperty = "tag";

    public static void WriteMap(Utf8JsonWriter writer, LiteralMap map, string path, int depth)
    {
        writer.WriteStartObject();

        // Ordinal order: the same inputs always give the same JSON, whatever order the map was filled in.
        foreach (var (name, literal) in map.Literals.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.WritePropertyName(name);
            WriteLiteral(writer, literal, LiteralPath.Member(path, name), depth + 1);
        }

        writer.WriteEndObject();
    }

    public static void WriteLiteral(Utf8JsonWriter writer, Literal literal, string path, int depth)
    {
        LiteralPath.CheckDepth(depth, path);
        switch (literal.ValueCase)
        {
            case Literal.ValueOneofCase.Scalar:
                WriteScalar(writer, literal.Scalar, path, depth);
                break;
            case Literal.ValueOneofCase.Collection:
                writer.WriteStartArray();
                for (var i = 0; i < literal.Collection.Literals.Count; i++)
                {
                    WriteLiteral(writer, literal.Collection.Literals[i], LiteralPath.Index(path, i), depth + 1);
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
                StructJson.Write(writer, scalar.Generic, path, depth);
                break;

            // Offloaded data is named by its URI: the plugin hands it to the remote service, which reads it itself.
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
                    // One level more though no JSON level is added: unions nested in unions must not run the stack out.
                    WriteLiteral(writer, scalar.Union.Value, path, depth + 1);
                }

                break;
            case Scalar.ValueOneofCase.Binary:
                // An object rather than a bare base64 string, so the tag (how the bytes are encoded) is not lost.
                writer.WriteStartObject();
                writer.WriteBase64String(BinaryProperty, scalar.Binary.Value.Span);
                writer.WriteString(TagProperty, scalar.Binary.Tag);
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
                // Refused rather than written as a string: a string where the plugin expects a number would fail later
                // and further from the cause.
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
                writer.WriteStringValue(ProtobufTimeText.FormatTimestamp(primitive.Datetime, path));
                break;
            case Primitive.ValueOneofCase.Duration:
                writer.WriteStringValue(ProtobufTimeText.FormatDuration(primitive.Duration, path));
                break;
            default:
                throw new LiteralMappingException($"'{path}' is an empty primitive.", path);
        }
    }
}
