using System.Globalization;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace AsyncPluginGen.Generators.Parsing;

/// <summary>C# expressions for constructor parameter defaults, used when the JSON lacks the member.</summary>
internal static class MetaDefaults
{
    /// <summary>The default as a cast expression of the member's type (<c>(int)(3)</c>), or <c>default</c>.</summary>
    public static string? Expression(object? value, MetaValueModel type)
    {
        var text = value switch
        {
            null => null,
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            bool b => b ? "true" : "false",
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            double d => Double(d),
            float f => float.IsNaN(f) ? "float.NaN" : float.IsInfinity(f) ? (f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity") : f.ToString("R", CultureInfo.InvariantCulture) + "f",
            decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
            System.IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => null,
        };

        return text is null ? (value is null ? "default" : null) : $"({type.DeclaredType})({text})";
    }

    private static string Double(double d) =>
        double.IsNaN(d) ? "double.NaN"
        : double.IsInfinity(d) ? (d > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity")
        : d.ToString("R", CultureInfo.InvariantCulture) + "d";
}
