using System;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// Which members of a catalogued type do I/O, by name: all of them, exact names, prefixes (<c>Read</c> covers
/// <c>ReadAsync</c> and <c>ReadExactly</c>) or a suffix (<c>Async</c>), minus exclusions.
/// </summary>
internal sealed class NameMatcher
{
    private readonly string[] _exact;
    private readonly string[] _prefixes;
    private readonly string? _suffix;
    private readonly string[] _except;
    private readonly bool _all;

    private NameMatcher(bool all, string[] exact, string[] prefixes, string? suffix, string[] except)
    {
        _all = all;
        _exact = exact;
        _prefixes = prefixes;
        _suffix = suffix;
        _except = except;
    }

    public static NameMatcher All { get; } = new(true, Array.Empty<string>(), Array.Empty<string>(), null, Array.Empty<string>());

    public static NameMatcher AllExcept(params string[] names) => new(true, Array.Empty<string>(), Array.Empty<string>(), null, names);

    public static NameMatcher Exactly(params string[] names) => new(false, names, Array.Empty<string>(), null, Array.Empty<string>());

    public static NameMatcher Prefixes(params string[] prefixes) => new(false, Array.Empty<string>(), prefixes, null, Array.Empty<string>());

    public static NameMatcher Suffix(string suffix) => new(false, Array.Empty<string>(), Array.Empty<string>(), suffix, Array.Empty<string>());

    public bool Matches(string name)
    {
        if (Array.IndexOf(_except, name) >= 0)
        {
            return false;
        }

        if (_all || Array.IndexOf(_exact, name) >= 0)
        {
            return true;
        }

        foreach (var prefix in _prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return _suffix is not null && name.EndsWith(_suffix, StringComparison.Ordinal);
    }
}
