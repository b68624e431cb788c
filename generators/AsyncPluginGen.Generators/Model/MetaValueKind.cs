namespace AsyncPluginGen.Generators.Model;

/// <summary>The kinds of value the ResourceMeta serializer reads and writes.</summary>
internal enum MetaValueKind
{
    String,
    Boolean,
    Char,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Guid,
    DateTime,
    DateTimeOffset,
    TimeSpan,
    Uri,
    Bytes,
    Enum,

    /// <summary>A one-dimensional array, read through a list.</summary>
    Array,

    /// <summary><c>List&lt;T&gt;</c>, <c>IList&lt;T&gt;</c> or <c>IReadOnlyList&lt;T&gt;</c>, read as a <c>List&lt;T&gt;</c>.</summary>
    List,

    /// <summary><c>ImmutableArray&lt;T&gt;</c>.</summary>
    ImmutableArray,

    /// <summary><c>Dictionary&lt;string, T&gt;</c> or <c>IReadOnlyDictionary&lt;string, T&gt;</c>, read as a <c>Dictionary&lt;string, T&gt;</c>.</summary>
    Dictionary,

    /// <summary>A record, class or struct: a JSON object of its members.</summary>
    Object,
}
