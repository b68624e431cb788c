using System.Text.Json;
using AsyncPluginGen.Flyte.Literals;
using Flyteidl.Core;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Duration = Google.Protobuf.WellKnownTypes.Duration;

namespace AsyncPluginGen.Flyte.Tests.Literals;

/// <summary>Short builders for Flyte literals and types, and structural JSON assertions, for the literal mapping tests.</summary>
internal static class Lit
{
    public static Literal Int(long value) => Primitive(new Primitive { Integer = value });

    public static Literal Float(double value) => Primitive(new Primitive { FloatValue = value });

    public static Literal Str(string value) => Primitive(new Primitive { StringValue = value });

    public static Literal Bool(bool value) => Primitive(new Primitive { Boolean = value });

    public static Literal Time(long seconds, int nanos = 0) => Primitive(new Primitive { Datetime = new Timestamp { Seconds = seconds, Nanos = nanos } });

    public static Literal Span(long seconds, int nanos = 0) => Primitive(new Primitive { Duration = new Duration { Seconds = seconds, Nanos = nanos } });

    public static Literal None() => Scalar(new Scalar { NoneType = new Flyteidl.Core.Void() });

    public static Literal Generic(Struct value) => Scalar(new Scalar { Generic = value });

    public static Literal Blob(string uri, BlobType? type = null) =>
        Scalar(new Scalar { Blob = new Flyteidl.Core.Blob { Uri = uri, Metadata = new BlobMetadata { Type = type ?? CsvFile } } });

    public static Literal Dataset(string uri, string format = "parquet") =>
        Scalar(new Scalar
        {
            StructuredDataset = new StructuredDataset
            {
                Uri = uri,
                Metadata = new StructuredDatasetMetadata { StructuredDatasetType = new StructuredDatasetType { Format = format } },
            },
        });

    public static Literal Schema(string uri) => Scalar(new Scalar { Schema = new Flyteidl.Core.Schema { Uri = uri, Type = new SchemaType() } });

    public static Literal Union(Literal value, LiteralType type) => Scalar(new Scalar { Union = new Flyteidl.Core.Union { Value = value, Type = type } });

    public static Literal Binary(byte[] value, string tag) => Scalar(new Scalar { Binary = new Flyteidl.Core.Binary { Value = ByteString.CopyFrom(value), Tag = tag } });

    public static Literal Error(string node, string message) => Scalar(new Scalar { Error = new Flyteidl.Core.Error { FailedNodeId = node, Message = message } });

    public static Literal List(params Literal[] items)
    {
        var collection = new LiteralCollection();
        collection.Literals.Add(items);
        return new Literal { Collection = collection };
    }

    public static Literal Map(params (string Key, Literal Value)[] entries) => new() { Map = LiteralMap(entries) };

    public static LiteralMap LiteralMap(params (string Key, Literal Value)[] entries)
    {
        var map = new LiteralMap();
        foreach (var (key, value) in entries)
        {
            map.Literals.Add(key, value);
        }

        return map;
    }

    public static Literal Scalar(Scalar scalar) => new() { Scalar = scalar };

    public static Literal Primitive(Primitive primitive) => Scalar(new Scalar { Primitive = primitive });

    public static BlobType CsvFile => new() { Format = "csv", Dimensionality = BlobType.Types.BlobDimensionality.Single };

    public static LiteralType Simple(SimpleType type) => new() { Simple = type };

    public static LiteralType ListOf(LiteralType element) => new() { CollectionType = element };

    public static LiteralType MapOf(LiteralType value) => new() { MapValueType = value };

    public static LiteralType UnionOf(params LiteralType[] variants)
    {
        var union = new UnionType();
        union.Variants.Add(variants);
        return new LiteralType { UnionType = union };
    }

    public static LiteralType EnumOf(params string[] values)
    {
        var type = new EnumType();
        type.Values.Add(values);
        return new LiteralType { EnumType = type };
    }

    public static VariableMap Declared(params (string Name, LiteralType Type)[] variables)
    {
        var map = new VariableMap();
        foreach (var (name, type) in variables)
        {
            map.Variables.Add(name, new Variable { Type = type });
        }

        return map;
    }

    /// <summary>Parses JSON; single quotes stand for double quotes, so tests stay readable.</summary>
    public static JsonElement Json(string json, int maxDepth = 64) =>
        JsonDocument.Parse(json.Replace('\'', '"'), new JsonDocumentOptions { MaxDepth = maxDepth }).RootElement.Clone();

    /// <summary>Asserts that <paramref name="actual"/> is structurally the JSON <paramref name="expected"/> (single quotes allowed).</summary>
    public static void Equal(string expected, JsonElement actual)
    {
        var wanted = Json(expected);
        Assert.True(JsonElement.DeepEquals(wanted, actual), $"Expected {wanted.GetRawText()}\nbut got  {actual.GetRawText()}");
    }

    /// <summary>Asserts that the mapping refuses with a <see cref="LiteralMappingException"/> at <paramref name="path"/>, and returns it.</summary>
    public static LiteralMappingException Refused(string path, Action action, bool pathInMessage = true)
    {
        var exception = Assert.Throws<LiteralMappingException>(action);
        Assert.Equal(path, exception.Path);
        if (pathInMessage)
        {
            Assert.Contains($"'{path}'", exception.Message, StringComparison.Ordinal);
        }

        return exception;
    }
}
