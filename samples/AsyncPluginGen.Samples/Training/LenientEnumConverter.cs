using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.Training;

/// <summary>
/// Reads an enum from its member's name, exactly as written (ordinal), and any other string as <c>default(TEnum)</c>,
/// which the enum must define as its "unknown" member. Writes the member's name. Unlike
/// <see cref="JsonStringEnumConverter{TEnum}"/>, a value the enum does not name is not an error: remote services add
/// states, and the client must keep working when they do.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public sealed class LenientEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByName =
        Enum.GetNames<TEnum>().ToFrozenDictionary(name => name, Enum.Parse<TEnum>, StringComparer.Ordinal);

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(TEnum).Name}, not {reader.TokenType}.");
        }

        return ByName.GetValueOrDefault(reader.GetString()!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
