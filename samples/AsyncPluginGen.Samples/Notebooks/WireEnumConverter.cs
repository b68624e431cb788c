using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>
/// Maps an enum to the API's names, and a name it does not list (or <c>null</c>) to a fallback member instead of
/// throwing as <see cref="JsonStringEnumConverter{TEnum}"/> would. Names are compared as UTF-8 bytes, without decoding
/// the value into a string.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
public abstract class WireEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly TEnum _unknown;
    private readonly (byte[] Utf8Name, string Name, TEnum Value)[] _members;

    /// <summary>Creates the converter.</summary>
    /// <param name="unknown">The value of a name the table does not list; it is written back as <c>null</c>.</param>
    /// <param name="members">Each API name and its value.</param>
    protected WireEnumConverter(TEnum unknown, params (string Name, TEnum Value)[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        _unknown = unknown;
        _members = members.Select(m => (Encoding.UTF8.GetBytes(m.Name), m.Name, m.Value)).ToArray();
    }

    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return _unknown;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(TEnum).Name}, found {reader.TokenType}.");
        }

        foreach (var member in _members)
        {
            if (reader.ValueTextEquals(member.Utf8Name))
            {
                return member.Value;
            }
        }

        return _unknown;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var member in _members)
        {
            if (EqualityComparer<TEnum>.Default.Equals(member.Value, value))
            {
                writer.WriteStringValue(member.Name);
                return;
            }
        }

        writer.WriteNullValue();
    }
}
