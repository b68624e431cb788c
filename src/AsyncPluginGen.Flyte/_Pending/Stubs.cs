// TEMPORARY: stand-ins for types that land from the literals branch. Deleted at merge.
#pragma warning disable CS1591
using System.Text.Json;
using Flyteidl.Core;

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
