using System.Buffers;
using System.Text.Json;

namespace AsyncPluginGen;

/// <summary>Byte-array conveniences over an <see cref="IResourceMetaSerializer{TMeta}"/>.</summary>
public static class ResourceMetaSerializer
{
    /// <summary>Serializes <paramref name="value"/> as compact UTF-8 JSON.</summary>
    /// <typeparam name="TMeta">The ResourceMeta type.</typeparam>
    /// <param name="serializer">The meta's serializer.</param>
    /// <param name="value">The meta.</param>
    /// <returns>The JSON bytes.</returns>
    public static byte[] Serialize<TMeta>(IResourceMetaSerializer<TMeta> serializer, TMeta value)
        where TMeta : notnull
    {
        ArgumentNullException.ThrowIfNull(serializer);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false }))
        {
            serializer.Write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a meta from UTF-8 JSON.</summary>
    /// <typeparam name="TMeta">The ResourceMeta type.</typeparam>
    /// <param name="serializer">The meta's serializer.</param>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <returns>The meta.</returns>
    /// <exception cref="ResourceMetaFormatException">The bytes do not describe a <typeparamref name="TMeta"/>.</exception>
    public static TMeta Deserialize<TMeta>(IResourceMetaSerializer<TMeta> serializer, ReadOnlySpan<byte> utf8Json)
        where TMeta : notnull
    {
        ArgumentNullException.ThrowIfNull(serializer);
        return serializer.Read(utf8Json);
    }
}
