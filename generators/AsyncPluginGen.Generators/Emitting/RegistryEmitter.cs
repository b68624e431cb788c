using System.Collections.Generic;
using System.Linq;
using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>
/// Emits the assembly's plugin registry and its DI extension method. The registry routes task types from constants
/// (<c>Routes</c>) and builds a plugin's descriptor only when asked for it (the task-type <c>switch</c>) or for all
/// of them (<c>Descriptors</c>, on first read): a descriptor is a static of its plugin class, and touching it loads that
/// class, its meta and resource types and runs its static initialiser, which under the JIT costs a fraction of a
/// millisecond per plugin at start-up.
/// Type and method names carry the assembly name, so several plugin assemblies in one application never clash;
/// [assembly: PluginRegistration] may name the DI method and class instead.
/// </summary>
internal static class RegistryEmitter
{
    public static string RegistryTypeName(RegistryModel model) => model.TypePrefix + "PluginRegistry";

    public static string Emit(RegistryModel model)
    {
        var w = new IndentedWriter();
        GeneratedCodeHeader.WriteFileHeader(w, model.Entries.SelectMany(e => e.ExperimentalDiagnostics).Distinct().OrderBy(d => d, System.StringComparer.Ordinal));
        var registry = RegistryTypeName(model);
        w.Open("namespace AsyncPluginGen.Generated");
        w.Line($"/// <summary>The plugins declared in assembly {Xml(model.AssemblyName)}.</summary>");
        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Open($"public sealed class {registry} : global::AsyncPluginGen.IPluginRegistry");
        w.Line("/// <summary>The registry's only instance.</summary>");
        w.Line($"public static {registry} Instance {{ get; }} = new {registry}();");
        w.Line();
        w.Line($"private {registry}()");
        w.Open();
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public string AssemblyName => {Literals.String(model.AssemblyName)};");
        w.Line();
        w.Line("private global::AsyncPluginGen.PluginDescriptor[]? _descriptors;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public global::System.Collections.Generic.IReadOnlyList<global::AsyncPluginGen.TaskTypeRoute> Routes { get; } = new global::AsyncPluginGen.TaskTypeRoute[]");
        w.Open();
        foreach (var entry in model.Entries)
        {
            foreach (var taskType in entry.TaskTypes)
            {
                w.Line($"new global::AsyncPluginGen.TaskTypeRoute({Literals.String(taskType)}, {Literals.String(entry.Id)}),");
            }
        }

        w.Close(";");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public global::System.Collections.Generic.IReadOnlyList<global::AsyncPluginGen.PluginDescriptor> Descriptors => _descriptors ??= new global::AsyncPluginGen.PluginDescriptor[]");
        w.Open();
        for (var i = 0; i < model.Entries.Count; i++)
        {
            w.Line($"{DescribeMethod(model, i)}(),");
        }

        w.Close(";");
        w.Line();
        w.Line("/// <summary>The method that reads each route's descriptor, in <see cref=\"Routes\"/> order.</summary>");
        w.Line("private static readonly global::System.Func<global::AsyncPluginGen.PluginDescriptor>[] RouteDescribers = new global::System.Func<global::AsyncPluginGen.PluginDescriptor>[]");
        w.Open();
        for (var i = 0; i < model.Entries.Count; i++)
        {
            foreach (var _ in model.Entries[i].TaskTypes)
            {
                w.Line($"{DescribeMethod(model, i)},");
            }
        }

        w.Close(";");
        w.Line();
        w.Line("private global::System.Collections.Generic.Dictionary<string, global::System.Func<global::AsyncPluginGen.PluginDescriptor>>? _byTaskType;");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public bool TryGetDescriptor(string taskType, [global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out global::AsyncPluginGen.PluginDescriptor? descriptor)");
        w.Open();
        w.Line("// A dictionary built on first use, not a string switch: the JIT compiles a switch of many cases slowly at start-up.");
        w.Line("global::System.Collections.Generic.Dictionary<string, global::System.Func<global::AsyncPluginGen.PluginDescriptor>> byTaskType = _byTaskType ??= IndexRoutes();");
        w.Line("descriptor = byTaskType.TryGetValue(taskType, out global::System.Func<global::AsyncPluginGen.PluginDescriptor>? describe) ? describe() : null;");
        w.Line("return descriptor is not null;");
        w.Close();
        w.Line();
        w.Line("private global::System.Collections.Generic.Dictionary<string, global::System.Func<global::AsyncPluginGen.PluginDescriptor>> IndexRoutes()");
        w.Open();
        w.Line("global::System.Collections.Generic.Dictionary<string, global::System.Func<global::AsyncPluginGen.PluginDescriptor>> byTaskType = new(RouteDescribers.Length, global::System.StringComparer.Ordinal);");
        w.Open("for (int i = 0; i < RouteDescribers.Length; i++)");
        w.Line("// A task type claimed twice (the analyzers report it) goes to the first plugin that claims it.");
        w.Line("byTaskType.TryAdd(Routes[i].TaskType, RouteDescribers[i]);");
        w.Close();
        w.Line();
        w.Line("return byTaskType;");
        w.Close();
        WriteDescribeMethods(w, model);
        w.Close();
        w.Close();
        if (model.CanDeclareServiceCollectionExtensions)
        {
            w.Line();
            WriteServiceCollectionExtensions(w, model, registry);
        }

        return w.ToString();
    }

    /// <summary>
    /// One method per plugin that reads its descriptor. The lookup and the descriptor list only call these: a method
    /// that named every plugin class itself would make the JIT load every plugin class (and its meta and resource types)
    /// when it compiles that method, which is the cost a registry of many plugins must not pay at start-up. NoInlining
    /// keeps the JIT from pulling the plugin class back into its caller.
    /// </summary>
    private static void WriteDescribeMethods(IndentedWriter w, RegistryModel model)
    {
        for (var i = 0; i < model.Entries.Count; i++)
        {
            w.Line();
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
            w.Line($"private static global::AsyncPluginGen.PluginDescriptor {DescribeMethod(model, i)}() => {PluginEmitter.DescriptorOf(model.Entries[i].FullyQualifiedName)};");
        }
    }

    /// <summary>"Describe3_WarehousePlugin": the index keeps two plugin classes of the same name in different namespaces apart.</summary>
    private static string DescribeMethod(RegistryModel model, int index)
    {
        var name = model.Entries[index].FullyQualifiedName;
        var simple = name.Substring(name.LastIndexOf('.') + 1).Replace("global::", "").Replace("@", "");
        return $"Describe{index}_{simple}";
    }

    private static void WriteServiceCollectionExtensions(IndentedWriter w, RegistryModel model, string registry)
    {
        w.Open("namespace Microsoft.Extensions.DependencyInjection");
        w.Line($"/// <summary>Registers the plugins declared in assembly {Xml(model.AssemblyName)}.</summary>");
        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Open($"public static class {model.ExtensionClassName}");
        w.Line($"/// <summary>Registers every plugin of assembly {Xml(model.AssemblyName)}, its registry, and the plugin catalog.</summary>");
        w.Line("/// <param name=\"services\">The service collection.</param>");
        w.Line("/// <returns><paramref name=\"services\"/>, for chaining.</returns>");
        w.Line($"public static global::Microsoft.Extensions.DependencyInjection.IServiceCollection {model.MethodName}(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services)");
        w.Indent().Line($"=> global::Microsoft.Extensions.DependencyInjection.PluginServiceCollectionExtensions.AddAsyncPluginRegistry(services, global::AsyncPluginGen.Generated.{registry}.Instance);").Outdent();
        w.Close();
        w.Close();
    }

    /// <summary>The DI method's name when the assembly names none: "Contoso.OtherPlugins" gets "AddContosoOtherPluginsPlugins".</summary>
    public static string DefaultMethodName(string typePrefix) => "Add" + typePrefix + "Plugins";

    /// <summary>The DI class's name when the assembly names none.</summary>
    public static string DefaultExtensionClassName(string typePrefix) => typePrefix + "PluginServiceCollectionExtensions";

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>An identifier prefix from an assembly name: "Contoso.Plugins-Warehouse" becomes "ContosoPluginsWarehouse".</summary>
    public static string TypePrefix(string? assemblyName)
    {
        var parts = (assemblyName ?? "").Split(new[] { '.', '-', ' ', '_' }, System.StringSplitOptions.RemoveEmptyEntries);
        var chars = string.Concat(parts.Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1)))
            .Where(c => char.IsLetterOrDigit(c) && c < 128)
            .ToArray();
        var prefix = new string(chars);
        return prefix.Length == 0 || char.IsDigit(prefix[0]) ? "Assembly" + prefix : prefix;
    }
}
