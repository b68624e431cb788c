// TEMPORARY: stand-ins for types that land from the metacodec and literals branches (the envelope landed in Meta/). Deleted at merge.
#pragma warning disable CS1591
using System.Text.Json;
using Flyteidl.Core;

namespace AsyncPluginGen
{
    public interface IResourceMetaSerializer<TMeta> where TMeta : notnull
    {
        void Write(Utf8JsonWriter writer, TMeta value);
        TMeta Read(ReadOnlySpan<byte> utf8Json);
    }

    public interface IResourceMetaSerializerProvider<TMeta> where TMeta : notnull
    {
        IResourceMetaSerializer<TMeta> ResourceMetaSerializer { get; }
    }

    public sealed class ResourceMetaFormatException(string message) : FormatException(message);
}

namespace AsyncPluginGen.Flyte.Literals
{
    public static class LiteralJson
    {
        public static JsonElement ToJson(LiteralMap? inputs) => throw new NotImplementedException();
        public static LiteralMap ToLiteralMap(JsonElement outputs) => throw new NotImplementedException();
        public static Google.Protobuf.WellKnownTypes.Struct ToStruct(JsonElement json) => throw new NotImplementedException();
        public static JsonElement FromStruct(Google.Protobuf.WellKnownTypes.Struct? value) => throw new NotImplementedException();
    }

    public sealed class LiteralMappingException(string message, string path) : Exception(message)
    {
        public string Path { get; } = path;
    }
}
