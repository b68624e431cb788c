using System.Text.Json;

namespace AsyncPluginGen;

/// <summary>
/// Turns a plugin's ResourceMeta into UTF-8 JSON and back, without reflection, so it is safe to trim and to compile
/// ahead of time. The generator implements it for every plugin whose meta it can serialize; the Flyte agent's
/// <c>resource_meta</c> and durable task stores share this one codec.
/// </summary>
/// <typeparam name="TMeta">The ResourceMeta type.</typeparam>
public interface IResourceMetaSerializer<TMeta>
    where TMeta : notnull
{
    /// <summary>Writes <paramref name="value"/> as one JSON value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The meta.</param>
    void Write(Utf8JsonWriter writer, TMeta value);

    /// <summary>Reads a meta written by <see cref="Write"/>, or by an older or newer version of the same type.</summary>
    /// <param name="utf8Json">One JSON value, UTF-8 encoded.</param>
    /// <returns>The meta.</returns>
    /// <exception cref="ResourceMetaFormatException">The input is not JSON, or does not describe a <typeparamref name="TMeta"/>.</exception>
    TMeta Read(ReadOnlySpan<byte> utf8Json);
}
