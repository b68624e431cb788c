using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Tests.Infrastructure;
using AsyncPluginGen.Generators.Tests.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AsyncPluginGen.Generators.Tests;

// One file on purpose: one test per pipeline step output, each walking the model graph with the same reflection helper.

/// <summary>
/// The incremental pipeline can only cache what it can compare: no step output may hold a symbol, a syntax node,
/// a syntax tree, a semantic model or a compilation (they differ on every run and keep whole compilations alive).
/// </summary>
public sealed class ModelPurityTests
{
    /// <summary>
    /// Tracked steps that Roslyn itself adds (compilation inputs and the internals of ForAttributeWithMetadataName).
    /// They carry syntax and compilations by design; every other tracked step, including the transform results
    /// (<c>result_ForAttributeWithMetadataName</c>) and any step added later, is walked.
    /// </summary>
    private static readonly HashSet<string> RoslynInfrastructureSteps = new(StringComparer.Ordinal)
    {
        "Compilation",
        "CompilationOptions",
        "ParseOptions",
        "AdditionalTexts",
        "AnalyzerConfigOptions",
        "MetadataReferences",
        "compilationUnit_ForAttribute",
        "compilationUnitAndGlobalAliases_ForAttribute",
        "compilationGlobalAliases_ForAttribute",
        "collectedGlobalAliases_ForAttribute",
        "allUpGlobalAliases_ForAttribute",
        "allUpIncludingCompilationGlobalAliases_ForAttribute",
        "individualFileGlobalAliases_ForAttribute",
        "compilationAndGroupedNodes_ForAttributeWithMetadataName",
        "result_ForAttributeInternal",
    };

    /// <summary>The tracking names the generator declares, read by reflection so a step added later is covered too.</summary>
    /// <summary>Steps that project the compilation into a model: their input is the compilation by design; their output is walked.</summary>
    private static readonly HashSet<string> CompilationProjectionSteps = new(StringComparer.Ordinal) { "Assembly", "Plugins" };

    /// <summary>
    /// The declaration gate: its output holds the compilation's syntax trees (to compare the next compilation's
    /// declarations with) and the compilation weakly, by design; <see cref="DeclarationGateTests"/> proves it keeps no old
    /// compilation alive. The step after it (<c>Plugins</c>) takes it as input and is a compilation projection: its
    /// output is walked.
    /// </summary>
    private static readonly HashSet<string> DeclarationGateSteps = new(StringComparer.Ordinal) { "Declarations" };

    private static readonly string[] GeneratorSteps = typeof(AsyncPluginGenerator.Steps)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void No_tracked_step_output_holds_a_symbol_syntax_semantic_model_or_compilation()
    {
        var compilation = GeneratorHarness.CreateCompilation(PluginSources.All.Values.SelectMany(s => s).ToArray());
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var findings = FindInRun(driver.GetRunResult(), "first run");

        // Walk a second run too, whose outputs are cached, unchanged and modified rather than new.
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Unrelated; public sealed class Added { }", GeneratorHarness.ParseOptions, path: "Added.cs"));
        var tree = edited.SyntaxTrees.First(t => t.ToString().Contains("WarehousePlugin", StringComparison.Ordinal));
        edited = edited.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            tree.ToString().Replace("[Phase(TaskPhase.Queued)] Pending", "[Phase(TaskPhase.Initializing)] Pending", StringComparison.Ordinal))));
        driver = driver.RunGenerators(edited);
        findings.AddRange(FindInRun(driver.GetRunResult(), "second run"));

        Assert.True(findings.Count == 0, "Step outputs hold compiler objects:" + Environment.NewLine + string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public void Every_generator_step_is_tracked_and_walked()
    {
        var compilation = GeneratorHarness.CreateCompilation(PluginSources.All.Values.SelectMany(s => s).ToArray());
        var run = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(["Assembly", "AsyncPlugins", "Declarations", "HintClashes", "MetaSerializers", "PluginFiles", "Plugins", "RegistrationNames", "Registry", "RegistryInputs", "SyncPlugins"], GeneratorSteps.Order(StringComparer.Ordinal));
        foreach (var step in GeneratorSteps)
        {
            Assert.True(run.TrackedSteps.TryGetValue(step, out var steps) && steps.SelectMany(s => s.Outputs).Any(), $"Step {step} has no outputs.");
        }

        // The walker must see real models, or finding nothing proves nothing.
        var models = run.TrackedSteps[AsyncPluginGenerator.Steps.AsyncPlugins].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.All(models, m => Assert.IsType<PluginModel>(m));
        Assert.Equal(11, models.Count);
        var serializers = run.TrackedSteps[AsyncPluginGenerator.Steps.MetaSerializers].SelectMany(s => s.Outputs).Select(o => o.Value).ToList();
        Assert.NotEmpty(serializers);
        Assert.All(serializers, m => Assert.NotEmpty(Assert.IsType<MetaSerializerModel>(m).Codec.Shapes));
        Assert.IsType<RegistryModel>(Assert.Single(run.TrackedSteps[AsyncPluginGenerator.Steps.Registry].SelectMany(s => s.Outputs)).Value);
        Assert.Contains(run.TrackedOutputSteps, pair => pair.Value.SelectMany(s => s.Outputs).Any());
    }

    [Fact]
    public void The_walker_finds_a_symbol_hidden_deep_in_a_graph()
    {
        var (compilation, tree, symbol) = CompilerObjects();
        var holder = new Holder("outer", new List<object> { 1, "two", new Dictionary<string, object> { ["key"] = new Holder("inner", symbol) } });
        var graph = (ImmutableArray.Create<object>("a", holder), EquatableArray.ToEquatableArray(new[] { new Wrapper("w") }), 42);

        var findings = ForbiddenObjectWalker.Find(graph, "graph");

        var finding = Assert.Single(findings);
        Assert.Contains("ISymbol", finding, StringComparison.Ordinal);
        Assert.Contains("Item1", finding, StringComparison.Ordinal);
        GC.KeepAlive(compilation);
        GC.KeepAlive(tree);
    }

    [Fact]
    public void The_walker_finds_every_forbidden_kind_in_fields_properties_tuples_and_arrays()
    {
        var (compilation, tree, symbol) = CompilerObjects();
        var model = compilation.GetSemanticModel(tree);
        var node = tree.GetRoot();

        Assert.NotEmpty(ForbiddenObjectWalker.Find(new PrivateField(symbol), "field"));
        ComputedProperty.Store[1] = node;
        Assert.NotEmpty(ForbiddenObjectWalker.Find(new ComputedProperty(1), "property"));
        Assert.NotEmpty(ForbiddenObjectWalker.Find(Tuple.Create(1, (object)tree), "tuple"));
        Assert.NotEmpty(ForbiddenObjectWalker.Find(new object[] { "x", new[] { model } }, "array"));
        Assert.NotEmpty(ForbiddenObjectWalker.Find(ImmutableArray.Create<object>(compilation), "immutable array"));
        Assert.NotEmpty(ForbiddenObjectWalker.Find(new[] { new Wrapper("a"), new Wrapper("b", symbol) }.ToEquatableArray(), "equatable array"));
        Assert.NotEmpty(ForbiddenObjectWalker.Find(new KeyValuePair<string, object>("k", node), "pair"));
        Assert.NotEmpty(ForbiddenObjectWalker.Find(((Func<object>)(() => symbol)), "closure"));
        Assert.NotEmpty(ForbiddenObjectWalker.Find(node.GetFirstToken(), "token"));
    }

    [Fact]
    public void The_walker_terminates_on_cycles_and_accepts_a_pure_model()
    {
        var (_, _, symbol) = CompilerObjects();
        var a = new Node("a");
        var b = new Node("b") { Next = a };
        a.Next = b;
        Assert.Empty(ForbiddenObjectWalker.Find(a, "cycle"));

        b.Payload = symbol;
        Assert.Single(ForbiddenObjectWalker.Find(a, "cycle"));

        var outcome = GeneratorHarness.RunClean(PluginSources.EnumStates);
        Assert.NotEmpty(outcome.GeneratedSources);
        var plugin = outcome.RunResult.Results[0].TrackedSteps[AsyncPluginGenerator.Steps.AsyncPlugins][0].Outputs[0].Value;
        Assert.IsType<PluginModel>(plugin);
        Assert.Empty(ForbiddenObjectWalker.Find(plugin, "model"));
    }

    private static List<string> FindInRun(GeneratorDriverRunResult runResult, string label)
    {
        var findings = new List<string>();
        var run = runResult.Results.Single();
        Assert.Null(run.Exception);
        foreach (var (name, steps) in run.TrackedSteps)
        {
            if (RoslynInfrastructureSteps.Contains(name))
            {
                continue;
            }

            if (DeclarationGateSteps.Contains(name))
            {
                Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.IsType<AsyncPluginGen.Generators.Pipeline.DeclarationSnapshot>(o.Value));
                continue;
            }

            var isGeneratorStep = GeneratorSteps.Contains(name) && !CompilationProjectionSteps.Contains(name);
            for (var i = 0; i < steps.Length; i++)
            {
                for (var j = 0; j < steps[i].Outputs.Length; j++)
                {
                    findings.AddRange(ForbiddenObjectWalker.Find(steps[i].Outputs[j].Value, $"{label} {name}[{i}].Outputs[{j}]"));
                }

                // The generator's own steps must not take compiler objects in either (the Registry step combines the
                // compilation-derived assembly information, for example).
                if (isGeneratorStep)
                {
                    for (var j = 0; j < steps[i].Inputs.Length; j++)
                    {
                        var (source, index) = steps[i].Inputs[j];
                        findings.AddRange(ForbiddenObjectWalker.Find(source.Outputs[index].Value, $"{label} {name}[{i}].Inputs[{j}]"));
                    }
                }
            }
        }

        foreach (var (name, steps) in run.TrackedOutputSteps)
        {
            for (var i = 0; i < steps.Length; i++)
            {
                for (var j = 0; j < steps[i].Outputs.Length; j++)
                {
                    findings.AddRange(ForbiddenObjectWalker.Find(steps[i].Outputs[j].Value, $"{label} output {name}[{i}].Outputs[{j}]"));
                }
            }
        }

        return findings;
    }

    private static (Compilation Compilation, SyntaxTree Tree, ISymbol Symbol) CompilerObjects()
    {
        var tree = CSharpSyntaxTree.ParseText("namespace N { public class C { public int M() => 1; } }", GeneratorHarness.ParseOptions);
        var compilation = CSharpCompilation.Create("Walker", [tree], GeneratorHarness.References);
        return (compilation, tree, compilation.GetTypeByMetadataName("N.C")!);
    }

    private sealed record Holder(string Name, object Value);

    private sealed record Wrapper(string Name, object? Hidden = null);

    private sealed class PrivateField(object value)
    {
        private readonly object _value = value;

        public override string ToString() => _value.ToString() ?? "";
    }

    /// <summary>Reachable through a property only: the getter reads a static store that no field of the instance references.</summary>
    private sealed class ComputedProperty(int key)
    {
        public static readonly Dictionary<int, object> Store = [];

        public int Key { get; } = key;

        public object Value => Store[Key];
    }

    private sealed class Node(string name)
    {
        public string Name { get; } = name;

        public Node? Next { get; set; }

        public object? Payload { get; set; }
    }
}

/// <summary>
/// Walks an object graph by reflection (fields, properties, tuples, arrays, ImmutableArray, EquatableArray and any
/// other IEnumerable) and reports every object that is a compiler object a pipeline model must not hold.
/// </summary>
internal sealed class ForbiddenObjectWalker
{
    private const int MaxDepth = 200;

    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol),
        typeof(SyntaxNode),
        typeof(SyntaxTree),
        typeof(SemanticModel),
        typeof(Compilation),
        typeof(SyntaxToken),
        typeof(SyntaxTrivia),
        typeof(SyntaxNodeOrToken),
        typeof(SyntaxReference),
        typeof(AttributeData),
        typeof(IOperation),
        typeof(GeneratorAttributeSyntaxContext),
        typeof(GeneratorSyntaxContext),
    ];

    private readonly HashSet<object> _visited = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _findings = [];

    private ForbiddenObjectWalker()
    {
    }

    public static List<string> Find(object? root, string path)
    {
        var walker = new ForbiddenObjectWalker();
        walker.Visit(root, path, 0);
        return walker._findings;
    }

    private void Visit(object? value, string path, int depth)
    {
        if (value is null)
        {
            return;
        }

        // Each object once, whichever path reaches it first: this ends cycles and reports each culprit once.
        var type = value.GetType();
        if (!type.IsValueType && !_visited.Add(value))
        {
            return;
        }

        if (Forbidden.FirstOrDefault(f => f.IsAssignableFrom(type)) is { } forbidden)
        {
            _findings.Add($"{path}: {type.FullName} is a {forbidden.Name}");
            return;
        }

        if (IsLeaf(type))
        {
            return;
        }

        if (depth > MaxDepth)
        {
            _findings.Add($"{path}: the graph is deeper than {MaxDepth}; the walker cannot vouch for it");
            return;
        }

        if (value is IEnumerable enumerable && IsEnumerable(value))
        {
            var index = 0;
            foreach (var item in enumerable)
            {
                Visit(item, $"{path}[{index++}]", depth + 1);
            }
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                {
                    Visit(field.GetValue(value), $"{path}.{field.Name}", depth + 1);
                }
            }
        }

        // Fields hold all state; properties add what getters compute. Framework and compiler types are walked by
        // their fields only, so no getter with side effects or lazily built graphs runs on them.
        if (WalkProperties(type))
        {
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                if (property.GetIndexParameters().Length > 0 || property.GetMethod is null || property.PropertyType.IsByRefLike)
                {
                    continue;
                }

                object? propertyValue;
                try
                {
                    propertyValue = property.GetValue(value);
                }
                catch (TargetInvocationException)
                {
                    continue;
                }

                Visit(propertyValue, $"{path}.{property.Name}", depth + 1);
            }
        }
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type.IsPointer
        || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
        || type == typeof(TimeSpan) || type == typeof(Guid)
        || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type)
        || (type.IsArray && type.GetElementType() is { } element && (element.IsPrimitive || element.IsEnum || element == typeof(string)));

    /// <summary>Enumerating a default ImmutableArray throws; it has no elements to check.</summary>
    private static bool IsEnumerable(object value)
    {
        var type = value.GetType();
        if (value is string)
        {
            return false;
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            return !(bool)type.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(value)!;
        }

        return true;
    }

    private static bool WalkProperties(Type type)
    {
        var assembly = type.Assembly.GetName().Name ?? "";
        return !type.IsArray
            && !assembly.StartsWith("System", StringComparison.Ordinal)
            && !assembly.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
            && assembly != "mscorlib"
            && !type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);
    }
}
