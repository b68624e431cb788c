using System.Globalization;

namespace AsyncPluginGen;

/// <summary>An inclusive range of allowed values for a configuration field.</summary>
/// <typeparam name="T">The field's type.</typeparam>
/// <param name="Min">The smallest allowed value.</param>
/// <param name="Max">The largest allowed value.</param>
public readonly record struct ValueRange<T>(T Min, T Max)
    where T : IComparable<T>
{
    /// <summary>Whether <paramref name="value"/> lies within the range.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> when <c>Min &lt;= value &lt;= Max</c>.</returns>
    public bool Contains(T value) => value.CompareTo(Min) >= 0 && value.CompareTo(Max) <= 0;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min}–{Max}");

    /// <summary>The error for <paramref name="value"/> when it lies outside the range.</summary>
    /// <param name="field">The field's path, named in the error.</param>
    /// <param name="value">The value to test.</param>
    /// <returns>The error, or <see langword="null"/> when the value is within the range.</returns>
    public PluginConfigError? Check(string field, T value) =>
        Contains(value) ? null : new PluginConfigError(field, string.Create(CultureInfo.InvariantCulture, $"{value}"), ToString());

    internal void Check(string field, T value, List<PluginConfigError> errors)
    {
        if (Check(field, value) is { } error)
        {
            errors.Add(error);
        }
    }
}
