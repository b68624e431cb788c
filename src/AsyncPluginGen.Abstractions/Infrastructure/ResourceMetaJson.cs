using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AsyncPluginGen.Infrastructure;

// One file on purpose: the read and write primitive for each supported value type, which generated serializers call;
// they share one error convention and are looked up together when a generated file is stepped through.

/// <summary>
/// The reading and writing primitives that generated ResourceMeta serializers call, so the generated code stays
/// short. Every read helper expects the reader on the value's token, leaves it there, and throws
/// <see cref="ResourceMetaFormatException"/> naming the member when the token is not what the member needs.
/// Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourceMetaJson
{
    /// <summary>The deepest nesting a meta may have; deeper input is rejected before it costs stack or time.</summary>
    public const int MaxDepth = 32;

    /// <summary>How much of the input a message may quote: the input may be hostile, and messages end up in logs.</summary>
    private const int MaxExcerpt = 100;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Reads exactly one JSON value with <paramref name="read"/>, turning every reader error into a <see cref="ResourceMetaFormatException"/>.</summary>
    /// <typeparam name="T">The meta type.</typeparam>
    /// <param name="utf8Json">The input.</param>
    /// <param name="read">Reads the root value.</param>
    /// <returns>The value.</returns>
    public static T Read<T>(ReadOnlySpan<byte> utf8Json, ResourceMetaValueReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new ResourceMetaFormatException("The ResourceMeta is empty: expected one JSON value.");
        }

        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                throw new ResourceMetaFormatException("The ResourceMeta is empty: expected one JSON value.");
            }

            var value = read(ref reader);
            if (reader.Read())
            {
                throw new ResourceMetaFormatException("The ResourceMeta has data after its JSON value.");
            }

            return value;
        }
        catch (JsonException e)
        {
            // The reader's own messages name a position and at most a character of the input, never more.
            throw new ResourceMetaFormatException(
                reader.CurrentDepth >= MaxDepth - 1
                    ? $"The ResourceMeta nests deeper than {MaxDepth} levels. {e.Message}"
                    : $"The ResourceMeta is not valid JSON. {e.Message}",
                e);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader reports strings that are not valid UTF-8 only when they are decoded.
            throw new ResourceMetaFormatException($"The ResourceMeta is not valid UTF-8 JSON. {e.Message}", e);
        }
    }

    /// <summary>Whether the current token is JSON null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>True for null.</returns>
    public static bool IsNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

    /// <summary>Checks that an object starts here.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    public static void ReadStartObject(ref Utf8JsonReader reader, string member)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw WrongToken(ref reader, member, "an object");
        }
    }

    /// <summary>Checks that an array starts here.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    public static void ReadStartArray(ref Utf8JsonReader reader, string member)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw WrongToken(ref reader, member, "an array");
        }
    }

    /// <summary>Moves to the next property of an object and onto its value.</summary>
    /// <param name="reader">The reader, inside an object.</param>
    /// <param name="name">The property's name.</param>
    /// <returns>False at the end of the object.</returns>
    public static bool ReadProperty(ref Utf8JsonReader reader, out string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = "";
            return false;
        }

        name = reader.GetString()!;
        reader.Read();
        return true;
    }

    /// <summary>Moves to the next item of an array.</summary>
    /// <param name="reader">The reader, inside an array.</param>
    /// <returns>False at the end of the array.</returns>
    public static bool ReadItem(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>The error for a required member the JSON lacks.</summary>
    /// <param name="member">The member, as <c>Type.jsonName</c>.</param>
    /// <returns>The exception to throw.</returns>
    public static ResourceMetaFormatException Missing(string member) =>
        new($"ResourceMeta member '{member}' is required but missing from the JSON.", member);

    /// <summary>Reads a string.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static string ReadString(ref Utf8JsonReader reader, string member) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw WrongToken(ref reader, member, "a string");

    /// <summary>Reads a Boolean.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static bool ReadBoolean(ref Utf8JsonReader reader, string member) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw WrongToken(ref reader, member, "true or false"),
    };

    /// <summary>Reads a char, written as a string of one UTF-16 code unit.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static char ReadChar(ref Utf8JsonReader reader, string member)
    {
        var text = ReadString(ref reader, member);
        return text.Length == 1 ? text[0] : throw Invalid(ref reader, member, "a string of one character");
    }

    /// <summary>Reads a byte.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static byte ReadByte(ref Utf8JsonReader reader, string member) =>
        Number(ref reader, member, "an integer from 0 to 255").TryGetByte(out var value) ? value : throw Invalid(ref reader, member, "an integer from 0 to 255");

    /// <summary>Reads an sbyte.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static sbyte ReadSByte(ref Utf8JsonReader reader, string member) =>
        Number(ref reader, member, "an integer from -128 to 127").TryGetSByte(out var value) ? value : throw Invalid(ref reader, member, "an integer from -128 to 127");

    /// <summary>Reads a short.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static short ReadInt16(ref Utf8JsonReader reader, string member) =>
        Number(ref reader, member, "a 16-bit integer").TryGetInt16(out var value) ? value : throw Invalid(ref reader, member, "an integer from -32768 to 32767");

    /// <summary>Reads a ushort.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static ushort ReadUInt16(ref Utf8JsonReader reader, string member) =>
        Number(ref reader, member, "an unsigned 16-bit integer").TryGetUInt16(out var value) ? value : throw Invalid(ref reader, member, "an integer from 0 to 65535");

    /// <summary>Reads an int.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static int ReadInt32(ref Utf8JsonReader reader, string member) =>
        Number(ref reader, member, "a 32-bit integer").TryGetInt32(out var value) ? value : throw Invalid(ref reader, member, "an integer from -2147483648 to 2147483647");

    /// <summary>Reads a uint.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static uint ReadUInt32(ref Utf8JsonReader reader, string member) =>
        Number(ref reader, member, "an unsigned 32-bit integer").TryGetUInt32(out var value) ? value : throw Invalid(ref reader, member, "an integer from 0 to 4294967295");

    /// <summary>Reads a long.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static long ReadInt64(ref Utf8JsonReader reader, string member) =>
        Number(ref reader, member, "a 64-bit integer").TryGetInt64(out var value) ? value : throw Invalid(ref reader, member, "an integer from -9223372036854775808 to 9223372036854775807");

    /// <summary>Reads a ulong.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static ulong ReadUInt64(ref Utf8JsonReader reader, string member) =>
        Number(ref reader, member, "an unsigned 64-bit integer").TryGetUInt64(out var value) ? value : throw Invalid(ref reader, member, "an integer from 0 to 18446744073709551615");

    /// <summary>Reads a decimal.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static decimal ReadDecimal(ref Utf8JsonReader reader, string member) =>
        Number(ref reader, member, "a decimal number").TryGetDecimal(out var value) ? value : throw Invalid(ref reader, member, "a number within the range of decimal");

    /// <summary>Reads a float: a number, or "NaN", "Infinity" or "-Infinity" as written by <see cref="WriteSingle"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static float ReadSingle(ref Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return NonFinite(ref reader, member) is { } special ? (float)special : throw Invalid(ref reader, member, "a number, \"NaN\", \"Infinity\" or \"-Infinity\"");
        }

        return Number(ref reader, member, "a number").TryGetSingle(out var value) && float.IsFinite(value)
            ? value
            : throw Invalid(ref reader, member, "a number within the range of float");
    }

    /// <summary>Reads a double: a number, or "NaN", "Infinity" or "-Infinity" as written by <see cref="WriteDouble"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static double ReadDouble(ref Utf8JsonReader reader, string member)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return NonFinite(ref reader, member) ?? throw Invalid(ref reader, member, "a number, \"NaN\", \"Infinity\" or \"-Infinity\"");
        }

        return Number(ref reader, member, "a number").TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw Invalid(ref reader, member, "a number within the range of double");
    }

    /// <summary>Reads a Guid.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static Guid ReadGuid(ref Utf8JsonReader reader, string member) =>
        String(ref reader, member, "a GUID string").TryGetGuid(out var value) ? value : throw Invalid(ref reader, member, "a GUID string");

    /// <summary>Reads a DateTime in ISO 8601 form.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static DateTime ReadDateTime(ref Utf8JsonReader reader, string member) =>
        String(ref reader, member, "an ISO 8601 date and time").TryGetDateTime(out var value) ? value : throw Invalid(ref reader, member, "an ISO 8601 date and time");

    /// <summary>Reads a DateTimeOffset in ISO 8601 form.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader, string member) =>
        String(ref reader, member, "an ISO 8601 date and time").TryGetDateTimeOffset(out var value) ? value : throw Invalid(ref reader, member, "an ISO 8601 date and time with offset");

    /// <summary>Reads a TimeSpan in the constant ("c") format, <c>[-][d.]hh:mm:ss[.fffffff]</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static TimeSpan ReadTimeSpan(ref Utf8JsonReader reader, string member) =>
        TimeSpan.TryParseExact(ReadString(ref reader, member), "c", CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(ref reader, member, "a time span such as \"1.02:03:04.5\"");

    /// <summary>Reads an absolute or relative URI.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static Uri ReadUri(ref Utf8JsonReader reader, string member) =>
        Uri.TryCreate(ReadString(ref reader, member), UriKind.RelativeOrAbsolute, out var value) ? value : throw Invalid(ref reader, member, "a URI");

    /// <summary>Reads bytes written as base64.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static byte[] ReadBytes(ref Utf8JsonReader reader, string member) =>
        String(ref reader, member, "a base64 string").TryGetBytesFromBase64(out var value) ? value : throw Invalid(ref reader, member, "a base64 string");

    /// <summary>
    /// Reads an enum from a member name (any case) or an integer. Only named values are accepted: a defined member, or
    /// for a [Flags] enum a combination of defined flags.
    /// </summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="member">The member being read, for the message.</param>
    /// <returns>The value.</returns>
    public static TEnum ReadEnum<TEnum>(ref Utf8JsonReader reader, string member)
        where TEnum : struct, Enum
    {
        TEnum value;
        string expected = $"a member of {typeof(TEnum).Name}";
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;

            // Enum.TryParse also takes numbers in strings; a name must start like a C# identifier.
            if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_') || !Enum.TryParse(text, ignoreCase: true, out value))
            {
                throw Invalid(ref reader, member, expected);
            }
        }
        else if (reader.TokenType == JsonTokenType.Number)
        {
            var digits = reader.TryGetInt64(out var signed) ? signed.ToString(CultureInfo.InvariantCulture)
                : reader.TryGetUInt64(out var unsigned) ? unsigned.ToString(CultureInfo.InvariantCulture)
                : null;

            // Enum.TryParse rejects numbers outside the underlying type's range.
            if (digits is null || !Enum.TryParse(digits, out value))
            {
                throw Invalid(ref reader, member, expected);
            }
        }
        else
        {
            throw WrongToken(ref reader, member, expected);
        }

        return IsNamed(value) ? value : throw Invalid(ref reader, member, expected);
    }

    /// <summary>Writes a char as a string of one character.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteChar(Utf8JsonWriter writer, char value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue([value]);
    }

    /// <summary>Writes a float; NaN and the infinities, which JSON numbers cannot hold, as strings.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteSingle(Utf8JsonWriter writer, float value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(NonFiniteName(value));
        }
    }

    /// <summary>Writes a double; NaN and the infinities, which JSON numbers cannot hold, as strings.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(NonFiniteName(value));
        }
    }

    /// <summary>Writes a TimeSpan in the constant ("c") format.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteTimeSpan(Utf8JsonWriter writer, TimeSpan value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("c", CultureInfo.InvariantCulture));
    }

    /// <summary>Writes a URI as the string it was created from, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteUri(Utf8JsonWriter writer, Uri? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value?.OriginalString);
    }

    /// <summary>Writes bytes as base64, or null.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteBytes(Utf8JsonWriter writer, byte[]? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBase64StringValue(value);
        }
    }

    /// <summary>
    /// Writes an enum as its member name (flag combinations as <c>"A, B"</c>). A value with no name cannot be read
    /// back, so it fails here, when the meta is created, rather than later when the task is resumed.
    /// </summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a member of the enum.</exception>
    public static void WriteEnum<TEnum>(Utf8JsonWriter writer, TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(writer);
        var text = value.ToString();
        if (!IsNamed(text))
        {
            throw new ArgumentOutOfRangeException(
                nameof(value), text, $"{typeof(TEnum).Name} has no member with value {text}, so a ResourceMeta holding it could not be read back.");
        }

        writer.WriteStringValue(text);
    }

    /// <summary>Enum.ToString gives names for defined members and complete flag combinations, and digits otherwise.</summary>
    private static bool IsNamed<TEnum>(TEnum value)
        where TEnum : struct, Enum => IsNamed(value.ToString());

    private static bool IsNamed(string text) => text.Length > 0 && !char.IsAsciiDigit(text[0]) && text[0] != '-';

    private static double? NonFinite(ref Utf8JsonReader reader, string member) => ReadString(ref reader, member) switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => null,
    };

    private static string NonFiniteName(double value) =>
        double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";

    private static ref Utf8JsonReader Number(ref Utf8JsonReader reader, string member, string expected)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw WrongToken(ref reader, member, expected);
        }

        return ref reader;
    }

    private static ref Utf8JsonReader String(ref Utf8JsonReader reader, string member, string expected)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw WrongToken(ref reader, member, expected);
        }

        return ref reader;
    }

    private static ResourceMetaFormatException WrongToken(ref Utf8JsonReader reader, string member, string expected) =>
        new($"ResourceMeta member '{member}' must be {expected}, but the JSON has {Describe(reader.TokenType)}.", member);

    private static ResourceMetaFormatException Invalid(ref Utf8JsonReader reader, string member, string expected) =>
        new($"ResourceMeta member '{member}' must be {expected}, but the JSON has {Excerpt(ref reader)}.", member);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a Boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>The raw token, cut to <see cref="MaxExcerpt"/> bytes: enough to recognise, too little to leak a payload into logs.</summary>
    private static string Excerpt(ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        var text = Encoding.UTF8.GetString(raw.Length > MaxExcerpt ? raw[..MaxExcerpt] : raw);
        var suffix = raw.Length > MaxExcerpt ? "..." : "";
        return reader.TokenType == JsonTokenType.String ? $"\"{text}{suffix}\"" : text + suffix;
    }
}
