using System;
using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Inspection;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Parsing;

// One file on purpose: this is the single inspection of a ResourceMeta shape that both the generator and APG0014 use;
// splitting its recursive cases (values, collections, constructors, members) across files would hide how one decides the next.

/// <summary>
/// The one inspection of a ResourceMeta type: either the codec the generator emits for it, or the reason it cannot be
/// serialized, which APG0014 reports word for word. Sharing it keeps the diagnostic and the serializer in agreement.
/// </summary>
internal sealed class MetaShapeParser
{
    /// <summary>
    /// How many objects and collections may nest inside one another. Well under the reader's limit of 32, so every
    /// meta the generator accepts can be read back.
    /// </summary>
    public const int MaxNesting = 16;

    private readonly KnownTypes _known;
    private readonly List<MetaShapeModel?> _shapes = new();
    private readonly Dictionary<ITypeSymbol, string> _shapeNames = new(ShapeTypeComparer.Instance);
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal) { "Root" };
    private readonly HashSet<ITypeSymbol> _visiting = new(SymbolEqualityComparer.Default);
    private readonly UsageScanner _usage;
    private bool _hasErrorTypes;

    private MetaShapeParser(KnownTypes known)
    {
        _known = known;
        _usage = new UsageScanner(known);
    }

    /// <summary>Inspects <paramref name="meta"/>, recognising framework types and attributes as <paramref name="known"/> resolves them in its compilation.</summary>
    public static MetaShapeResult Parse(ITypeSymbol meta, KnownTypes known)
    {
        var parser = new MetaShapeParser(known);
        var reason = parser.Value(meta, 0, out var root);
        if (reason is null && parser._usage.HasObsoleteError)
        {
            reason = "it uses a member marked [Obsolete] as an error, which generated code cannot call";
        }

        if (reason is not null || root is null)
        {
            return new MetaShapeResult(null, reason ?? "it has no shape", parser._hasErrorTypes);
        }

        // TMeta is notnull: the meta itself is never null, whatever its annotation says.
        var codec = new MetaCodecModel(
            root with { IsNullable = false },
            meta.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            IsPublic(meta),
            parser._shapes.Select(s => s!).ToEquatableArray(),
            parser._usage.ExperimentalDiagnostics.ToEquatableArray());
        return new MetaShapeResult(codec, null, false);
    }

    private string? Value(ITypeSymbol type, int depth, out MetaValueModel? model)
    {
        model = null;
        var nullable = false;
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T && type is INamedTypeSymbol { TypeArguments.Length: 1 } wrapper)
        {
            type = wrapper.TypeArguments[0];
            nullable = true;
        }
        else if (!type.IsValueType && type.NullableAnnotation != NullableAnnotation.NotAnnotated)
        {
            // Annotated, or written where nullable annotations are off: null is a value it may hold.
            nullable = true;
        }

        var display = type.ToDisplayString();
        if (type.TypeKind == TypeKind.Error)
        {
            _hasErrorTypes = true;
            return $"'{display}' is not defined";
        }

        if (Scalar(type) is { } scalar)
        {
            if (scalar == MetaValueKind.Enum && !IsReachable(type))
            {
                return $"'{display}' is not public or internal, so generated code cannot name it";
            }

            _usage.Add(type);
            model = new MetaValueModel(scalar, type.ToTypeName(), nullable, type.IsValueType, null);
            return null;
        }

        if (IsLiveObject(type))
        {
            // Clients, streams, sockets, token sources: anything that owns a resource is a live object.
            return $"'{display}' is a live object, not data";
        }

        if (depth >= MaxNesting)
        {
            return $"'{display}' is nested more than {MaxNesting} levels deep";
        }

        var (kind, element, reason) = Collection(type, depth);
        if (reason is not null)
        {
            return reason;
        }

        string? shape = null;
        if (kind is { } collectionKind)
        {
            shape = AddCollection(type, collectionKind, element!);
        }
        else
        {
            reason = Unsupported(type, display) ?? Object((INamedTypeSymbol)type, display, depth, out shape);
            if (reason is not null)
            {
                return reason;
            }
        }

        _usage.Add(type);
        model = new MetaValueModel(kind ?? MetaValueKind.Object, type.ToTypeName(), nullable, type.IsValueType, shape);
        return null;
    }

    private MetaValueKind? Scalar(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return MetaValueKind.String;
            case SpecialType.System_Boolean: return MetaValueKind.Boolean;
            case SpecialType.System_Char: return MetaValueKind.Char;
            case SpecialType.System_Byte: return MetaValueKind.Byte;
            case SpecialType.System_SByte: return MetaValueKind.SByte;
            case SpecialType.System_Int16: return MetaValueKind.Int16;
            case SpecialType.System_UInt16: return MetaValueKind.UInt16;
            case SpecialType.System_Int32: return MetaValueKind.Int32;
            case SpecialType.System_UInt32: return MetaValueKind.UInt32;
            case SpecialType.System_Int64: return MetaValueKind.Int64;
            case SpecialType.System_UInt64: return MetaValueKind.UInt64;
            case SpecialType.System_Single: return MetaValueKind.Single;
            case SpecialType.System_Double: return MetaValueKind.Double;
            case SpecialType.System_Decimal: return MetaValueKind.Decimal;
            case SpecialType.System_DateTime: return MetaValueKind.DateTime;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return MetaValueKind.Enum;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte })
        {
            return MetaValueKind.Bytes;
        }

        return KnownTypes.Is(type, _known.Guid) ? MetaValueKind.Guid
            : KnownTypes.Is(type, _known.DateTimeOffset) ? MetaValueKind.DateTimeOffset
            : KnownTypes.Is(type, _known.TimeSpan) ? MetaValueKind.TimeSpan
            : KnownTypes.Is(type, _known.Uri) ? MetaValueKind.Uri
            : null;
    }

    /// <summary>The supported collections; a reason for the other collection types.</summary>
    private (MetaValueKind? Kind, MetaValueModel? Element, string? Reason) Collection(ITypeSymbol type, int depth)
    {
        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                return (null, null, $"'{type.ToDisplayString()}' is a multi-dimensional array; use a one-dimensional array or a list");
            }

            return Element(MetaValueKind.Array, array.ElementType, depth);
        }

        if (type is not INamedTypeSymbol { IsGenericType: true } named)
        {
            return (null, null, null);
        }

        if (named.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IList_T or SpecialType.System_Collections_Generic_IReadOnlyList_T
            || KnownTypes.Is(named, _known.ListOfT))
        {
            return Element(MetaValueKind.List, named.TypeArguments[0], depth);
        }

        if (KnownTypes.Is(named, _known.ImmutableArrayOfT))
        {
            return Element(MetaValueKind.ImmutableArray, named.TypeArguments[0], depth);
        }

        if (KnownTypes.Is(named, _known.DictionaryOfT) || KnownTypes.Is(named, _known.IReadOnlyDictionaryOfT))
        {
            return named.TypeArguments[0].SpecialType == SpecialType.System_String
                ? Element(MetaValueKind.Dictionary, named.TypeArguments[1], depth)
                : (null, null, $"'{type.ToDisplayString()}' has keys that are not strings; JSON object keys are strings");
        }

        return (null, null, null);
    }

    private (MetaValueKind?, MetaValueModel?, string?) Element(MetaValueKind kind, ITypeSymbol element, int depth)
    {
        var reason = Value(element, depth + 1, out var model);
        return reason is null ? (kind, model, null) : (null, null, reason);
    }

    private string AddCollection(ITypeSymbol type, MetaValueKind kind, MetaValueModel element)
    {
        if (_shapeNames.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var prefix = kind switch
        {
            MetaValueKind.List => "ListOf",
            MetaValueKind.ImmutableArray => "ImmutableArrayOf",
            MetaValueKind.Dictionary => "DictionaryOf",
            _ => "",
        };
        var name = UniqueName(prefix + NameOf(element) + (kind == MetaValueKind.Array ? "Array" : ""));
        _shapeNames.Add(type, name);
        _shapes.Add(new MetaShapeModel(name, kind, type.ToTypeName(), type.ToDisplayString(), type.IsValueType, false, element, EquatableArray<MetaMemberModel>.Empty));
        return name;
    }

    private static string? Unsupported(ITypeSymbol type, string display)
    {
        if (type.IsTupleType)
        {
            return "a tuple's element names do not exist at run time, so its JSON would have no member names";
        }

        if (IsCollectionType(type))
        {
            return $"'{display}' is a collection type the serializer does not support; use an array, List<T>, IList<T>, IReadOnlyList<T>, ImmutableArray<T>, Dictionary<string, T> or IReadOnlyDictionary<string, T>";
        }

        switch (type.TypeKind)
        {
            case TypeKind.Interface:
                return $"'{display}' is an interface, so the host cannot know which type to create";
            case TypeKind.Delegate:
                return $"'{display}' is a delegate";
            case TypeKind.Dynamic:
                return "'dynamic' has no shape to serialize";
            case TypeKind.TypeParameter:
                return $"'{display}' is a type parameter, so its shape is not known";
            case TypeKind.Pointer:
            case TypeKind.FunctionPointer:
                return $"'{display}' is a pointer";
            case TypeKind.Class:
            case TypeKind.Struct:
                break;
            default:
                return $"'{display}' has no shape to serialize";
        }

        if (type.SpecialType == SpecialType.System_Object)
        {
            return "'object' has no shape to serialize";
        }

        if (type.IsAbstract)
        {
            return $"'{display}' is abstract, so the host cannot know which type to create";
        }

        if (type.IsRefLikeType)
        {
            return $"'{display}' is a ref struct";
        }

        // A framework type outside the supported list would be taken apart member by member, which is not what its authors meant.
        var root = type.ContainingNamespace;
        while (root is { ContainingNamespace.IsGlobalNamespace: false })
        {
            root = root.ContainingNamespace;
        }

        if (root?.Name is "System" or "Microsoft")
        {
            return $"'{display}' is not one of the framework types the serializer supports";
        }

        return IsReachable(type) ? null : $"'{display}' is not public or internal, so generated code cannot create it";
    }

    private string? Object(INamedTypeSymbol type, string display, int depth, out string? shape)
    {
        shape = null;
        if (_shapeNames.TryGetValue(type, out var existing))
        {
            // Already described (the same record in two members); a type still being described refers to itself.
            if (_visiting.Contains(type))
            {
                return $"'{display}' refers to itself, so it could nest without end";
            }

            shape = existing;
            return null;
        }

        var constructor = Constructor(type, display, out var reason);
        if (constructor is null)
        {
            return reason;
        }

        _usage.Add(constructor);
        var name = UniqueName(SafeName(type.Name) + string.Concat(type.TypeArguments.Select(a => "Of" + SafeName(a.Name))));
        _shapeNames.Add(type, name);
        var slot = _shapes.Count;
        _shapes.Add(null);
        _visiting.Add(type);
        try
        {
            reason = Members(type, display, constructor, depth, out var members);
            if (reason is not null)
            {
                return reason;
            }

            _shapes[slot] = new MetaShapeModel(name, MetaValueKind.Object, type.ToTypeName(), type.Name, type.IsValueType, type.IsRecord, null, members);
            shape = name;
            return null;
        }
        finally
        {
            _visiting.Remove(type);
        }
    }

    private IMethodSymbol? Constructor(INamedTypeSymbol type, string display, out string? reason)
    {
        reason = null;
        var candidates = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public && !IsCopyConstructor(c, type))
            .ToList();
        if (candidates.Count == 0)
        {
            reason = $"'{display}' has no public constructor";
            return null;
        }

        var marked = candidates.Where(c => KnownTypes.HasAttribute(c, _known.JsonConstructorAttribute)).ToList();
        if (marked.Count > 0)
        {
            candidates = marked;
        }
        else if (type.IsValueType && candidates.Count > 1)
        {
            // Every struct has a parameterless constructor; a declared one with parameters is the one meant.
            candidates = candidates.Where(c => c.Parameters.Length > 0).ToList();
        }

        if (candidates.Count != 1)
        {
            reason = $"'{display}' has several public constructors; mark the one that rebuilds it with [JsonConstructor]";
            return null;
        }

        return candidates[0];
    }

    private string? Members(INamedTypeSymbol type, string display, IMethodSymbol constructor, int depth, out EquatableArray<MetaMemberModel> result)
    {
        result = EquatableArray<MetaMemberModel>.Empty;
        var properties = Properties(type);
        var parameters = new Dictionary<IPropertySymbol, (IParameterSymbol Parameter, int Index)>(SymbolEqualityComparer.Default);
        for (var i = 0; i < constructor.Parameters.Length; i++)
        {
            var parameter = constructor.Parameters[i];
            var matches = properties.Where(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)).ToList();
            var property = matches.FirstOrDefault(p => p.Name == parameter.Name) ?? (matches.Count == 1 ? matches[0] : null);
            if (property is null || parameter.RefKind is RefKind.Ref or RefKind.Out)
            {
                return $"constructor parameter '{parameter.Name}' of '{display}' matches no public property, so its value would not be kept";
            }

            if (!property.Type.SameType(parameter.Type))
            {
                return $"constructor parameter '{parameter.Name}' of '{display}' is a '{parameter.Type.ToDisplayString()}' but property '{property.Name}' is a '{property.Type.ToDisplayString()}'";
            }

            parameters[property] = (parameter, i);
        }

        var setsRequired = KnownTypes.HasAttribute(constructor, _known.SetsRequiredMembersAttribute);
        var members = new List<MetaMemberModel>();
        var jsonNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in properties)
        {
            var isParameter = parameters.TryGetValue(property, out var parameter);
            var required = property.IsRequired && !setsRequired;
            MetaMemberBinding binding;
            if (required && isParameter)
            {
                return $"property '{property.Name}' of '{display}' is both required and a constructor parameter; mark the constructor [SetsRequiredMembers]";
            }

            if (isParameter)
            {
                binding = MetaMemberBinding.Constructor;
            }
            else if (property.SetMethod is { DeclaredAccessibility: Accessibility.Public } setter)
            {
                binding = required || (setter.IsInitOnly && !type.IsRecord && !type.IsValueType) ? MetaMemberBinding.Initializer
                    : setter.IsInitOnly ? MetaMemberBinding.With
                    : MetaMemberBinding.Setter;
                _usage.Add(setter);
            }
            else if (property.SetMethod is { } hidden)
            {
                // The object holds a value the serializer can neither pass in nor assign: it would come back as default.
                var accessor = hidden.IsInitOnly ? "init" : "set";
                return $"property '{property.Name}' of '{display}' is restored by neither a constructor parameter nor a public setter ('{Keyword(hidden.DeclaredAccessibility)} {accessor}'), so its value would not be kept; "
                    + $"make '{accessor}' public, add a constructor parameter named '{MetaNames.CamelCase(property.Name)}', or mark it [JsonIgnore]";
            }
            else if (IsAutoProperty(property))
            {
                return $"property '{property.Name}' of '{display}' is get-only and no constructor parameter matches it, so its value would not be kept; "
                    + $"add a constructor parameter named '{MetaNames.CamelCase(property.Name)}', compute it with '=>', or mark it [JsonIgnore]";
            }
            else
            {
                // Computed (a getter body, no storage of its own): it comes back with the members it is computed from.
                continue;
            }

            var reason = Value(property.Type, depth + 1, out var value);
            if (reason is not null)
            {
                return $"property '{property.Name}': {reason}";
            }

            _usage.Add(property);
            var jsonName = MetaNames.CamelCase(property.Name);
            if (jsonNames.TryGetValue(jsonName, out var other))
            {
                return $"properties '{other}' and '{property.Name}' of '{display}' have the same JSON name, ignoring case";
            }

            jsonNames.Add(jsonName, property.Name);
            string? defaultValue = null;
            bool mustBePresent;
            if (binding == MetaMemberBinding.Constructor && parameter.Parameter.HasExplicitDefaultValue)
            {
                defaultValue = MetaDefaults.Expression(parameter.Parameter.ExplicitDefaultValue, value!);
                mustBePresent = defaultValue is null;
            }
            else
            {
                mustBePresent = binding is MetaMemberBinding.Constructor or MetaMemberBinding.Initializer && (required || !value!.IsNullable);
                defaultValue = mustBePresent || binding is MetaMemberBinding.Setter or MetaMemberBinding.With ? null : "default";
            }

            members.Add(new MetaMemberModel(
                SymbolExtensions.EscapeIdentifier(property.Name),
                jsonName,
                value!,
                binding,
                isParameter ? SymbolExtensions.EscapeIdentifier(parameter.Parameter.Name) : null,
                isParameter ? parameter.Index : -1,
                mustBePresent,
                defaultValue));
        }

        if (PublicField(type) is { } field)
        {
            // The serializer reads and writes properties only (as System.Text.Json does by default).
            return $"public field '{field.Name}' of '{display}' is not serialized, only properties are, so its value would not be kept; make it a property or mark it [JsonIgnore]";
        }

        if (members.Count == 0)
        {
            return properties.Count == 0
                ? $"'{display}' exposes no public properties, so nothing of it would be kept"
                : $"'{display}' has only computed properties, so nothing of it would be kept";
        }

        result = members.ToEquatableArray();
        return null;
    }

    /// <summary>Public instance properties with a public getter, base types first, the most derived declaration of each name.</summary>
    private List<IPropertySymbol> Properties(INamedTypeSymbol type)
    {
        var levels = new List<List<IPropertySymbol>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            var level = new List<IPropertySymbol>();
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public } || property.ReturnsByRef || property.ReturnsByRefReadonly
                    || !seen.Add(property.Name) || KnownTypes.HasAttribute(property, _known.JsonIgnoreAttribute))
                {
                    continue;
                }

                level.Add(property);
            }

            levels.Insert(0, level);
        }

        return levels.SelectMany(l => l).ToList();
    }

    /// <summary>
    /// Whether a property without setter stores its own value. In source an auto-property has a backing field; from
    /// metadata, where private fields are not visible, its getter is [CompilerGenerated]. A getter body computes.
    /// </summary>
    private bool IsAutoProperty(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property))
        || (property.GetMethod is { } getter && KnownTypes.HasAttribute(getter, _known.CompilerGeneratedAttribute));

    /// <summary>The first public instance field, base types included, that is not [JsonIgnore]; the serializer skips fields.</summary>
    private IFieldSymbol? PublicField(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var field in current.GetMembers().OfType<IFieldSymbol>())
            {
                if (!field.IsStatic && !field.IsConst && !field.IsImplicitlyDeclared && field.DeclaredAccessibility == Accessibility.Public
                    && field.AssociatedSymbol is null && !KnownTypes.HasAttribute(field, _known.JsonIgnoreAttribute))
                {
                    return field;
                }
            }
        }

        return null;
    }

    private static string Keyword(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.Internal => "internal",
        Accessibility.ProtectedAndInternal => "private protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        _ => "non-public",
    };

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
        type.IsRecord && constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.SameType(type);

    private bool IsLiveObject(ITypeSymbol type)
    {
        if (IsLiveObjectType(type)
            || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable || KnownTypes.Is(i, _known.IAsyncDisposable)))
        {
            return true;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (IsLiveObjectType(current))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsLiveObjectType(ITypeSymbol type) => _known.LiveObjects.Any(live => KnownTypes.Is(type, live));

    private static bool IsCollectionType(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_Collections_IEnumerable
        || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
        || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

    /// <summary>Generated code in the plugin's assembly can name the type: it and every containing type are public or internal.</summary>
    private static bool IsReachable(ITypeSymbol type)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (!current.IsAccessibleFromAssembly())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the type, its containers and its type arguments are all public, so a public serializer may name it.</summary>
    private static bool IsPublic(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => IsPublic(array.ElementType),
        INamedTypeSymbol named => named.DeclaredAccessibility == Accessibility.Public
            && (named.ContainingType is null || IsPublic(named.ContainingType))
            && named.TypeArguments.All(IsPublic),
        _ => false,
    };


    private static string NameOf(MetaValueModel value)
    {
        var name = value.Shape
            ?? (value.Kind == MetaValueKind.Enum ? SafeName(value.TypeName.Substring(value.TypeName.LastIndexOf('.') + 1)) : value.Kind.ToString());
        return value.IsNullable ? "Nullable" + name : name;
    }

    private static string SafeName(string name) => new(name.Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());

    private string UniqueName(string name)
    {
        var unique = name;
        for (var i = 2; !_usedNames.Add(unique); i++)
        {
            unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }

    /// <summary>
    /// When two types share one shape: the same type, with the same nullability wherever one is nested in it (type
    /// arguments, array elements), read as <see cref="Value"/> reads it: a reference type may be null unless it is
    /// annotated not to be, so oblivious counts as nullable. The outermost nullability belongs to the member, not the shape.
    /// </summary>
    private sealed class ShapeTypeComparer : IEqualityComparer<ITypeSymbol>
    {
        public static readonly ShapeTypeComparer Instance = new();

        public bool Equals(ITypeSymbol? x, ITypeSymbol? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && SymbolEqualityComparer.Default.Equals(x, y) && SameNested(x, y));

        public int GetHashCode(ITypeSymbol type) => SymbolEqualityComparer.Default.GetHashCode(type);

        private static bool SameNested(ITypeSymbol x, ITypeSymbol y) => (x, y) switch
        {
            (IArrayTypeSymbol a, IArrayTypeSymbol b) => Same(a.ElementType, b.ElementType),
            (INamedTypeSymbol a, INamedTypeSymbol b) => a.TypeArguments.Zip(b.TypeArguments, Same).All(same => same)
                && (a.ContainingType is null || b.ContainingType is null || SameNested(a.ContainingType, b.ContainingType)),
            _ => true,
        };

        private static bool Same(ITypeSymbol x, ITypeSymbol y) => MayBeNull(x) == MayBeNull(y) && SameNested(x, y);

        private static bool MayBeNull(ITypeSymbol type) => !type.IsValueType && type.NullableAnnotation != NullableAnnotation.NotAnnotated;
    }
}
