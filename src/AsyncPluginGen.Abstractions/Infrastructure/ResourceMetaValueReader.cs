using System.ComponentModel;
using System.Text.Json;

namespace AsyncPluginGen.Infrastructure;

/// <summary>Reads one value whose first token is the reader's current token; generated serializers pass their root reader.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="reader">The reader, on the value's first token; left on its last token.</param>
/// <returns>The value.</returns>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T ResourceMetaValueReader<T>(ref Utf8JsonReader reader);
