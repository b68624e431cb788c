using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>Reads attribute arguments, treating missing or erroneous values as "not set".</summary>
internal static class AttributeReader
{
    public static T Named<T>(AttributeData attribute, string name, T fallback)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Kind != TypedConstantKind.Error && !pair.Value.IsNull && pair.Value.Value is T value)
            {
                return value;
            }
        }

        return fallback;
    }

    /// <summary>An enum-typed named argument as its integral value.</summary>
    public static int NamedEnum(AttributeData attribute, string name, int fallback)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Kind == TypedConstantKind.Enum && pair.Value.Value is IConvertible value)
            {
                return value.ToInt32(CultureInfo.InvariantCulture);
            }
        }

        return fallback;
    }

    public static string? NamedString(AttributeData attribute, string name) => Named<string?>(attribute, name, null);

    public static bool TryConstructor<T>(AttributeData attribute, int index, out T value)
    {
        value = default!;
        if (attribute.ConstructorArguments.Length <= index)
        {
            return false;
        }

        var argument = attribute.ConstructorArguments[index];
        if (argument.Kind == TypedConstantKind.Error || argument.IsNull || argument.Value is not T typed)
        {
            return false;
        }

        value = typed;
        return true;
    }

    /// <summary>The strings of a <c>params string[]</c> constructor argument; null when any is missing or erroneous.</summary>
    public static string[]? ConstructorStrings(AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            return null;
        }

        var values = attribute.ConstructorArguments[0].Values;
        if (values.IsDefault || values.Any(v => v.Kind == TypedConstantKind.Error || v.Value is not string))
        {
            return null;
        }

        return values.Select(v => (string)v.Value!).ToArray();
    }
}
