namespace AsyncPluginGen.Generators.Model;

/// <summary>One value of a ResourceMeta as the serializer handles it: a member, an element, or the meta itself.</summary>
/// <param name="Kind">How it is written.</param>
/// <param name="TypeName">The fully qualified type without nullability (<c>int</c> for <c>int?</c>).</param>
/// <param name="IsNullable">Null is allowed: a <c>Nullable&lt;T&gt;</c>, or a reference type annotated (or oblivious).</param>
/// <param name="IsValueType">Whether <see cref="TypeName"/> is a value type.</param>
/// <param name="Shape">For collections and objects, the name of the <see cref="MetaShapeModel"/> that reads and writes it.</param>
internal sealed record MetaValueModel(MetaValueKind Kind, string TypeName, bool IsNullable, bool IsValueType, string? Shape)
{
    /// <summary>The type as a local of the generated code declares it.</summary>
    public string DeclaredType => IsNullable ? TypeName + "?" : TypeName;
}
