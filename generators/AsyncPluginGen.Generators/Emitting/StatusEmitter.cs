using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>
/// Emits Status: a forward to the author's handwritten Status, or a <c>switch</c> over the mapped state whose
/// arms return PhaseInfo values built from constants and strings the resource already holds (no allocation).
/// </summary>
internal static class StatusEmitter
{
    public static void Write(IndentedWriter w, PluginModel plugin, string typedInterface, string statusContext)
    {
        var status = plugin.Status!;
        var signature = $"{Names.PhaseInfo} {typedInterface}.Status(in {statusContext} context)";
        GeneratedCodeHeader.WriteMemberAttributes(w);
        if (status.Kind == StatusKind.Handwritten)
        {
            w.Line(signature);
            w.Indent().Line(status.Handwritten!.TakesContext ? "=> Status(context);" : "=> Status(context.Resource);").Outdent();
            return;
        }

        // Explicit types rather than var: a user type named "var" must not change what this code means.
        w.Open(signature);
        w.Line($"{plugin.ResourceType} resource = context.Resource;");
        w.Line($"{status.StateType} state = {status.StateAccess};");
        if (status.MessageAccess is not null)
        {
            w.Line($"string? message = {status.MessageAccess};");
        }

        if (status.Kind == StatusKind.StringState && status.IgnoreCase)
        {
            WriteIgnoreCaseChain(w, plugin, status);
        }
        else
        {
            WriteSwitch(w, plugin, status);
        }

        w.Close();
    }

    private static void WriteSwitch(IndentedWriter w, PluginModel plugin, StatusModel status)
    {
        w.Open("switch (state)");
        foreach (var phaseCase in status.Cases)
        {
            var label = status.Kind == StatusKind.EnumState
                ? $"{status.EnumType}.{Parsing.SymbolExtensions.EscapeIdentifier(phaseCase.State)}"
                : Literals.String(phaseCase.State);
            w.Line($"case {label}:");
            w.Indent().Line($"return {PhaseExpression(phaseCase, status, isDefault: false)};").Outdent();
        }

        w.Line("default:");
        w.Indent().Line($"return {DefaultExpression(plugin, status)};").Outdent();
        w.Close();
    }

    private static void WriteIgnoreCaseChain(IndentedWriter w, PluginModel plugin, StatusModel status)
    {
        foreach (var phaseCase in status.Cases)
        {
            w.Open($"if (string.Equals(state, {Literals.String(phaseCase.State)}, global::System.StringComparison.OrdinalIgnoreCase))");
            w.Line($"return {PhaseExpression(phaseCase, status, isDefault: false)};");
            w.Close();
            w.Line();
        }

        w.Line($"return {DefaultExpression(plugin, status)};");
    }

    private static string DefaultExpression(PluginModel plugin, StatusModel status)
    {
        if (status.Default is { } mapped)
        {
            return PhaseExpression(mapped, status, isDefault: true);
        }

        var stateText = status.Kind == StatusKind.EnumState ? "state.ToString()" : "state";
        return $"{Names.Helpers}.UnmappedState({Literals.String(plugin.Id)}, {stateText})";
    }

    private static string Parenthesize(string expression) => expression.Contains("??") ? $"({expression})" : expression;

    private static string PhaseExpression(PhaseCaseModel phaseCase, StatusModel status, bool isDefault)
    {
        // The resource's message explains failures only; other phases keep a constant reason. An unmapped string
        // state is itself the most useful fallback, and costs nothing: the resource already holds it.
        var fallback = isDefault && status.Kind == StatusKind.StringState && !phaseCase.ExplicitReason
            ? $"state ?? {Literals.String(phaseCase.Reason)}"
            : Literals.String(phaseCase.Reason);
        var message = status.MessageAccess is null ? fallback : $"string.IsNullOrEmpty(message) ? {Parenthesize(fallback)} : message";
        var reason = fallback;
        var code = Literals.String(phaseCase.Code);
        var cleanup = phaseCase.Cleanup ? "WithCleanup" : "";
        var system = phaseCase.IsSystem ? "System" : "";
        return phaseCase.Phase switch
        {
            "Undefined" => $"{Names.PhaseInfo}.Undefined",
            "PermanentFailure" => $"{Names.PhaseInfo}.{(phaseCase.IsSystem ? "SystemFailure" : "Failure")}{cleanup}({code}, {message})",
            "RetryableFailure" => $"{Names.PhaseInfo}.{system}RetryableFailure{cleanup}({code}, {message})",
            _ => $"{Names.PhaseInfo}.{phaseCase.Phase}({reason})",
        };
    }
}
