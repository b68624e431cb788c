namespace AsyncPluginGen.Analyzers.Tests;

/// <summary>The inspection reports problems by id; each id must have a descriptor, or the problem would be lost.</summary>
public sealed class ProblemIdTests
{
    [Fact]
    public void Every_problem_id_has_a_descriptor_supported_by_the_declaration_analyzer()
    {
        var ids = typeof(ProblemIds).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        var supported = new AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet();

        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Contains(id, supported));
    }
}
