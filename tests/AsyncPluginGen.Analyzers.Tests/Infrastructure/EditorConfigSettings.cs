using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// .editorconfig settings for analyzers run by hand: the same key-value pairs for every file, as one <c>[*]</c> section
/// gives them, for running analyzers without the verifier (which writes a real file). The docs tests link this file.
/// </summary>
internal sealed class EditorConfigSettings(IReadOnlyDictionary<string, string> settings) : AnalyzerConfigOptionsProvider
{
    private readonly Settings _settings = new(settings);

    public override AnalyzerConfigOptions GlobalOptions => _settings;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _settings;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _settings;

    private sealed class Settings(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
