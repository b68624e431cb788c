using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>C# literals, always formatted with the invariant culture.</summary>
internal static class Literals
{
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Long(long value) => value.ToString(CultureInfo.InvariantCulture) + "L";

    public static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains(".") || text.Contains("E") ? text + "d" : text;
    }

    public static string Bool(bool value) => value ? "true" : "false";
}
