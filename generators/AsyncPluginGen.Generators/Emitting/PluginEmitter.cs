using System.Linq;
using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>
/// Emits the partial class that makes an annotated class a plugin: its descriptor (with its configuration), and
/// explicit interface implementations that forward to the author's handlers. Everything is an explicit
/// implementation, so the class's own surface stays as the author wrote it.
/// </summary>
internal static class PluginEmitter
{
    public static string Emit(PluginModel plugin)
    {
        var w = new IndentedWriter();
        GeneratedCodeHeader.WriteFileHeader(w, plugin.ExperimentalDiagnostics);
        if (plugin.Namespace is not null)
        {
            w.Open($"namespace {plugin.Namespace}");
        }

        var tables = StatusTables.For(plugin);
        var typedInterface = plugin.Handlers is AsyncHandlersModel typed
            ? $"global::AsyncPluginGen.IAsyncPlugin<{typed.MetaType}, {typed.ResourceType}>"
            : "global::AsyncPluginGen.ISyncPlugin";
        w.Open($"partial {plugin.TypeKeyword} {plugin.ClassName} : {typedInterface}, {Names.DescribedPlugin}");
        WriteDescriptor(w, plugin);
        w.Line();
        var descriptor = DescriptorOf(plugin);
        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Line($"{Names.PluginDescriptor} global::AsyncPluginGen.IPlugin.Descriptor => {descriptor};");
        w.Line();
        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Line($"{Names.PluginConfig} global::AsyncPluginGen.IPlugin.GetConfig() => {descriptor}.Config;");
        w.Line();
        switch (plugin.Handlers)
        {
            case SyncHandlersModel sync:
                WriteDo(w, sync);
                break;
            case AsyncHandlersModel handlers:
                WriteAsyncMembers(w, plugin, handlers, typedInterface, tables);
                break;
        }

        w.Close();
        StatusEmitter.WriteTableType(w, plugin, tables);
        if (plugin.Namespace is not null)
        {
            w.Close();
        }

        return w.ToString();
    }

    /// <summary>
    /// How code outside the plugin reads its descriptor. The descriptor is an explicit static implementation of
    /// <c>IDescribedPlugin</c>, so it adds nothing to the class's own members.
    /// </summary>
    public static string DescriptorOf(string fullyQualifiedName) => $"{Names.PluginDescriptor}.Of<{fullyQualifiedName}>()";

    private static string DescriptorOf(PluginModel plugin) => DescriptorOf(plugin.FullyQualifiedName);

    private static void WriteDescriptor(IndentedWriter w, PluginModel plugin)
    {
        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Line($"static {Names.PluginDescriptor} {Names.DescribedPlugin}.Descriptor {{ get; }} = new {Names.PluginDescriptor}(");
        w.Indent();
        w.Line($"id: {Literals.String(plugin.Id)},");
        w.Line($"taskTypes: new string[] {{ {string.Join(", ", plugin.TaskTypes.Select(Literals.String))} }},");
        w.Line($"version: {Literals.Int(plugin.Version)},");
        w.Line($"kind: global::AsyncPluginGen.PluginKind.{(plugin.IsSync ? "Sync" : "Async")},");
        w.Line($"pluginType: typeof({plugin.FullyQualifiedName}),");
        w.Line($"resourceMetaType: {(plugin.Handlers is AsyncHandlersModel meta ? $"typeof({meta.MetaType})" : "null")},");
        w.Line($"resourceType: {(plugin.Handlers is AsyncHandlersModel resource ? $"typeof({resource.ResourceType})" : "null")},");
        ConfigEmitter.WriteConfigArgument(w, plugin.Config, plugin.IsSync);
        var close = plugin.RequiredMembers.Count == 0 ? ");" : "";
        if (plugin.ConstructorParameters.Count == 0)
        {
            w.Line($"factory: static services => new {plugin.FullyQualifiedName}(){close}");
        }
        else
        {
            w.Line($"factory: static services => new {plugin.FullyQualifiedName}(");
            w.Indent();
            for (var i = 0; i < plugin.ConstructorParameters.Count; i++)
            {
                var p = plugin.ConstructorParameters[i];
                w.Line($"{p.Name}: {Resolve(plugin, p)}{(i == plugin.ConstructorParameters.Count - 1 ? ")" + close : ",")}");
            }

            w.Outdent();
        }

        if (plugin.RequiredMembers.Count > 0)
        {
            // Required members are dependencies too: set them from the container, or the object could not be created.
            w.Open();
            foreach (var member in plugin.RequiredMembers)
            {
                w.Line($"{member.Name} = {Resolve(plugin, member)},");
            }

            w.Close(");");
        }

        w.Outdent();
    }

    private static string Resolve(PluginModel plugin, ConstructorParameterModel dependency) =>
        dependency.Optional
            ? $"{Names.Helpers}.GetOptionalService<{dependency.Type}>(services)"
            : $"{Names.Helpers}.GetRequiredService<{dependency.Type}>(services, {Literals.String(plugin.Id)})";

    private static void WriteAsyncMembers(IndentedWriter w, PluginModel plugin, AsyncHandlersModel handlers, string typedInterface, StatusTables tables)
    {
        var meta = handlers.MetaType;
        var resource = handlers.ResourceType;
        var created = $"global::AsyncPluginGen.Created<{meta}, {resource}>";

        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Line($"global::AsyncPluginGen.ResourceRequirements global::AsyncPluginGen.IAsyncPlugin.GetResourceRequirements({Names.TaskContext} task)");
        w.Indent().Line(handlers.ResourceRequirementsMethod is { } method
            ? $"=> {method}(task);"
            : $"=> {ConfigEmitter.RequirementsExpression(plugin.Config)};").Outdent();
        w.Line();

        var create = handlers.Create;
        var createCall = Call(create, "task");
        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Line($"{Names.ValueTask}<{created}> {typedInterface}.CreateAsync({Names.TaskContext} task, {Names.CancellationToken} cancellationToken)");
        w.Indent().Line("=> " + (create.ReturnsMetaOnly
            ? create.Return == ReturnKind.Direct
                ? $"new {Names.ValueTask}<{created}>(new {created}({createCall}));"
                : $"{Names.Helpers}.MetaOnly<{meta}, {resource}>({createCall});"
            : Wrap(create.Return, created, createCall) + ";")).Outdent();
        w.Line();

        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Line($"{Names.ValueTask}<{resource}> {typedInterface}.GetAsync(global::AsyncPluginGen.GetContext<{meta}> context, {Names.CancellationToken} cancellationToken)");
        w.Indent().Line($"=> {Wrap(handlers.Get.Return, resource, Call(handlers.Get, "context.ResourceMeta"))};").Outdent();
        w.Line();

        WriteDelete(w, handlers.Delete, typedInterface, meta);
        w.Line();
        StatusEmitter.Write(w, plugin, handlers, typedInterface, $"global::AsyncPluginGen.StatusContext<{meta}, {resource}>", tables);
    }

    private static void WriteDelete(IndentedWriter w, HandlerModel? delete, string typedInterface, string meta)
    {
        GeneratedCodeHeader.WriteMemberAttributes(w);
        var signature = $"{Names.ValueTask} {typedInterface}.DeleteAsync(global::AsyncPluginGen.DeleteContext<{meta}> context, {Names.CancellationToken} cancellationToken)";
        if (delete is null)
        {
            // No Delete handler: nothing to cancel remotely. The analyzers warn that aborted tasks leak their job.
            w.Line(signature);
            w.Indent().Line("=> default;").Outdent();
            return;
        }

        var call = delete.HasReason ? Call(delete, "context.ResourceMeta", "context.Reason") : Call(delete, "context.ResourceMeta");
        if (delete.Return == ReturnKind.Direct)
        {
            w.Open(signature);
            w.Line(call + ";");
            w.Line("return default;");
            w.Close();
            return;
        }

        w.Line(signature);
        w.Indent().Line($"=> {(delete.Return == ReturnKind.Task ? $"new {Names.ValueTask}({call})" : call)};").Outdent();
    }

    private static void WriteDo(IndentedWriter w, SyncHandlersModel sync)
    {
        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Line($"{Names.ValueTask}<{Names.PhaseInfo}> global::AsyncPluginGen.ISyncPlugin.DoAsync({Names.TaskContext} task, {Names.CancellationToken} cancellationToken)");
        w.Indent().Line($"=> {Wrap(sync.Do.Return, Names.PhaseInfo, Call(sync.Do, "task"))};").Outdent();
    }

    /// <summary>Turns a handler's result into a <c>ValueTask&lt;T&gt;</c> without an async state machine.</summary>
    private static string Wrap(ReturnKind kind, string type, string call) =>
        kind == ReturnKind.ValueTask ? call : $"new {Names.ValueTask}<{type}>({call})";

    /// <summary>The call to the author's handler; <c>!</c> when its result carries nullable annotations the contract does not.</summary>
    private static string Call(HandlerModel handler, params string[] arguments)
    {
        var all = handler.HasCancellationToken ? arguments.Concat(new[] { "cancellationToken" }) : arguments;
        return $"{handler.Name}({string.Join(", ", all)}){(handler.ReturnsNullable ? "!" : "")}";
    }
}
