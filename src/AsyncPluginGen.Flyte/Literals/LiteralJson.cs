using System.Buffers;
using System.Text.Json;
using Flyteidl.Core;
using Google.Protobuf.WellKnownTypes;
using static AsyncPluginGen.Flyte.Literals.LiteralDescriptions;

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

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;

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

        return Write(writer => LiteralWriter.WriteMap(writer, inputs, "inputs", 0));
    }

    /// <summary>Maps one literal to JSON.</summary>
    /// <param name="literal">The literal.</param>
    /// <param name="path">Where it is, for error messages.</param>
    /// <returns>The JSON value.</returns>
    /// <exception cref="LiteralMappingException">The literal cannot be represented.</exception>
    public static JsonElement ToJson(Literal literal, string path = "value")
    {
        ArgumentNullException.ThrowIfNull(literal);
        return Write(writer => LiteralWriter.WriteLiteral(writer, literal, path, 0));
    }

    /// <summary>
    /// Maps a JSON object of output name to value to a literal map. Without <paramref name="declared"/>, each value takes
    /// its natural literal (see the table); with the task's declared output types, each takes its declared type, and a
    /// declared output that is missing is None when it is optional and refused otherwise.
    /// </summary>
    /// <param name="outputs">A JSON object.</param>
    /// <param name="declared">The task interface's outputs, when known (<c>template.interface.outputs</c>).</param>
    /// <returns>The literal map.</returns>
    /// <exception cref="LiteralMappingException">
    /// The JSON is not an object, a value does not fit its declared type, or a declared output that is not optional is missing.
    /// </exception>
    public static LiteralMap ToLiteralMap(JsonElement outputs, VariableMap? declared = null) => LiteralReader.ReadOutputs(outputs, declared);

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
    public static Literal ToLiteral(JsonElement value, LiteralType? type = null, string path = "value") => LiteralReader.Read(value, type, path, 0);

    /// <summary>Maps a protobuf <see cref="Struct"/> (Flyte's generic literal, <c>template.custom</c>) to a JSON object.</summary>
    /// <param name="value">The struct; null gives an empty object.</param>
    /// <returns>The JSON object.</returns>
    /// <exception cref="LiteralMappingException">The struct holds a NaN or infinite number, or nests too deep.</exception>
    public static JsonElement FromStruct(Struct? value) =>
        value is null || value.Fields.Count == 0 ? EmptyObject : Write(writer => StructJson.Write(writer, value, "struct", 0));

    /// <summary>Maps a JSON object to a protobuf <see cref="Struct"/>.</summary>
    /// <param name="json">A JSON object; anything else is refused.</param>
    /// <returns>The struct.</returns>
    /// <exception cref="LiteralMappingException">The JSON is not an object, holds a number beyond a 64-bit float, or nests too deep.</exception>
    public static Struct ToStruct(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new LiteralMappingException($"A struct must be a JSON object, not {Describe(json.ValueKind)}.", "struct");
        }

        return StructJson.Read(json, "struct", 0);
    }

    private static JsonElement Write(Action<Utf8JsonWriter> write)
    {
        // The writer's and the reader's own depth limits sit above MaxDepth, so our refusal, with its path, comes first.
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = MaxDepth + 8 }))
        {
            write(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory, new JsonDocumentOptions { MaxDepth = MaxDepth + 8 });
        return document.RootElement.Clone();
    }
}
