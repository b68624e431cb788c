using System.Linq;
using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>
/// Emits Status: a forward to the author's handwritten Status, or a dispatch over the mapped state that returns
/// PhaseInfo values built from constants, strings the resource already holds and the TaskInfo it already holds (no
/// allocation). The dispatch takes the fastest correct shape: a table indexed by a dense enum's value
/// (<see cref="EnumPhaseTable"/>), a perfect hash of eight or more strings (<see cref="StringPhaseTable"/>), or else a
/// <c>switch</c> (an if-chain for a few strings compared ignoring case).
/// </summary>
internal static class StatusEmitter
{
    private const string UnmappedCode = "UnmappedState";

    public static void Write(IndentedWriter w, PluginModel plugin, AsyncHandlersModel handlers, string typedInterface, string statusContext, StatusTables tables)
    {
        var signature = $"{Names.PhaseInfo} {typedInterface}.Status(in {statusContext} context)";
        if (handlers.Status is not MappedStatusModel status)
        {
            GeneratedCodeHeader.WriteMemberAttributes(w);
            var handwritten = (HandwrittenStatusModel)handlers.Status;
            w.Line(signature);
            w.Indent().Line(handwritten.TakesContext ? "=> Status(context);" : "=> Status(context.Resource);").Outdent();
            return;
        }

        var table = tables.Enum;
        GeneratedCodeHeader.WriteMemberAttributes(w);

        // Explicit types rather than var: a user type named "var" must not change what this code means.
        w.Open(signature);
        w.Line($"{handlers.ResourceType} resource = context.Resource;");
        w.Line($"{StateType(status)} state = {status.StateAccess};");
        if (status.MessageAccess is not null)
        {
            w.Line($"string? message = {status.MessageAccess};");
        }

        if (status.InfoAccess is not null)
        {
            w.Line($"{Names.TaskInfo}? info = {status.InfoAccess};");
        }

        if (tables.String is { } stringTable)
        {
            WriteStringTableLookup(w, plugin, stringTable);
        }
        else if (status is StringStatusModel { IgnoreCase: true })
        {
            WriteIgnoreCaseChain(w, plugin, status);
        }
        else
        {
            if (table is not null)
            {
                w.Line("// A state whose phase never depends on the resource is read from the table: no branch on the state to mispredict.");
                w.Line($"ulong index = unchecked((ulong)((long)state - {Literal(table.Min)}));");
                var field = $"{EnumPhaseTable.TypeName}.{EnumPhaseTable.FieldName}";
                w.Open($"if (index < (ulong){field}.Length && {field}[index] is {Names.PhaseInfo} phase)");
                w.Line("return phase;");
                w.Close();
                w.Line();
            }

            WriteSwitch(w, plugin, status, table);
        }

        w.Close();
    }

    private static string Literal(long value) => value == long.MinValue ? "long.MinValue" : value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L";

    /// <summary>
    /// The plugin's phase table, when its Status has one: a <c>file</c> class after the plugin class, so the plugin
    /// gains no member and the name clashes with nothing outside this file.
    /// </summary>
    public static void WriteTableType(IndentedWriter w, PluginModel plugin, StatusTables tables)
    {
        if (tables.String is { } stringTable)
        {
            StringTableWriter.Write(w, plugin, stringTable);
            return;
        }

        if (tables.Enum is not { } table)
        {
            return;
        }

        var status = table.Status;

        w.Line();
        w.Line($"/// <summary>The phases of {Xml(plugin.ClassName)}'s Status that do not depend on the resource.</summary>");
        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Open($"file static class {EnumPhaseTable.TypeName}");
        WritePhaseArray(
            w,
            $"The phase of each state, indexed by the state's value less {table.Min}; null where the phase depends on the resource or no member maps the value.",
            table.Length,
            i => table.At(i) is not { } phaseCase
                ? $"null, // {table.Min + i}: no mapped member"
                : table.IsConstant(phaseCase)
                    ? $"{PhaseExpression(phaseCase, status, isDefault: false)}, // {phaseCase.State}"
                    : $"null, // {phaseCase.State}: its message comes from the resource");
        w.Close();
    }

    /// <summary>The table's <c>Phases</c> field: one element per index, each written by <paramref name="element"/> with its comment.</summary>
    internal static void WritePhaseArray(IndentedWriter w, string summary, int length, System.Func<int, string> element)
    {
        w.Line($"/// <summary>{summary}</summary>");
        w.Line($"internal static readonly {Names.PhaseInfo}?[] {EnumPhaseTable.FieldName} = new {Names.PhaseInfo}?[]");
        w.Open();
        for (var i = 0; i < length; i++)
        {
            w.Line(element(i));
        }

        w.Close(";");
    }

    internal static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string StateType(MappedStatusModel status) => status is EnumStatusModel e ? e.StateType : "string?";

    private static void WriteSwitch(IndentedWriter w, PluginModel plugin, MappedStatusModel status, EnumPhaseTable? table)
    {
        w.Open("switch (state)");
        foreach (var phaseCase in status.Cases)
        {
            if (table is not null && table.IsConstant(phaseCase))
            {
                continue; // read from the table above
            }

            var label = status is EnumStatusModel e
                ? EnumLabel(e, phaseCase.State)
                : Literals.String(phaseCase.State);
            w.Line($"case {label}:");
            w.Indent().Line($"return {PhaseExpression(phaseCase, status, isDefault: false)};").Outdent();
        }

        w.Line("default:");
        w.Indent().Line($"return {DefaultExpression(plugin, status)};").Outdent();
        w.Close();
    }

    private static void WriteStringTableLookup(IndentedWriter w, PluginModel plugin, StringPhaseTable table)
    {
        var type = EnumPhaseTable.TypeName;
        w.Line("// The state's slot in the table: a perfect hash of its length and a few characters, then one comparison.");
        w.Line($"int slot = {type}.{StringPhaseTable.FindMethod}(state);");
        if (table.HasConstantPhases)
        {
            var field = $"{type}.{EnumPhaseTable.FieldName}";
            w.Open($"if ((uint)slot < (uint){field}.Length && {field}[slot] is {Names.PhaseInfo} phase)");
            w.Line("return phase;");
            w.Close();
            w.Line();
        }

        var variable = table.Status.Cases.Where(c => !table.IsConstant(c)).OrderBy(table.SlotOf).ToArray();
        if (variable.Length == 0)
        {
            w.Line($"return {DefaultExpression(plugin, table.Status)};");
            return;
        }

        w.Open("switch (slot)");
        foreach (var phaseCase in variable)
        {
            w.Line($"case {table.SlotOf(phaseCase)}: // {Literals.String(phaseCase.State)}");
            w.Indent().Line($"return {PhaseExpression(phaseCase, table.Status, isDefault: false)};").Outdent();
        }

        w.Line("default:");
        w.Indent().Line($"return {DefaultExpression(plugin, table.Status)};").Outdent();
        w.Close();
    }

    /// <summary>A constant case's phase, for the table (see <see cref="StringTableWriter"/>).</summary>
    internal static string ConstantPhase(PhaseCaseModel phaseCase, MappedStatusModel status) => PhaseExpression(phaseCase, status, isDefault: false);

    private static void WriteIgnoreCaseChain(IndentedWriter w, PluginModel plugin, MappedStatusModel status)
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

    private static string EnumLabel(EnumStatusModel status, string member) => $"{status.EnumType}.{Parsing.SymbolExtensions.EscapeIdentifier(member)}";

    private static string DefaultExpression(PluginModel plugin, MappedStatusModel status)
    {
        if (status.Default is { } mapped)
        {
            return PhaseExpression(mapped, status, isDefault: true);
        }

        // The unmapped-state failure is the helper's (it builds a message, and allocates, by design); the resource's
        // details still go with it, since a failure is when users most need the log links.
        var stateText = status is EnumStatusModel ? "state.ToString()" : "state";
        var unmapped = $"{Names.Helpers}.UnmappedState({Literals.String(plugin.Id)}, {stateText})";
        return status.InfoAccess is null ? unmapped : $"{unmapped}.WithInfo(info)";
    }

    private static string Parenthesize(string expression) => expression.Contains("??") || expression.Contains(" switch ") ? $"({expression})" : expression;

    /// <summary>
    /// The unmapped state's own text, or <paramref name="fallback"/> when it has none (a null state): the string the
    /// resource holds, or for an enum the member's name as a constant. Neither allocates.
    /// </summary>
    private static string StateText(MappedStatusModel status, string fallback) => status switch
    {
        EnumStatusModel e when e.UnmappedMembers.Count > 0 =>
            $"state switch {{ {string.Concat(e.UnmappedMembers.Select(m => $"{EnumLabel(e, m)} => {Literals.String(m)}, "))}_ => {Literals.String(fallback)} }}",
        EnumStatusModel => Literals.String(fallback),
        _ => $"state ?? {Literals.String(fallback)}",
    };

    private static string PhaseExpression(PhaseCaseModel phaseCase, MappedStatusModel status, bool isDefault)
    {
        // The resource's message explains failures only; other phases keep a constant reason. An unmapped state falling
        // to [DefaultPhase] is described by its own text, as a mapped state is by its name: in the reason, and in the
        // error code of a failure (where the resource's message, when it has one, takes the message). That text costs
        // nothing: the resource already holds the string, and enum member names are constants.
        var fallback = isDefault && !phaseCase.ExplicitReason ? StateText(status, phaseCase.Reason) : Literals.String(phaseCase.Reason);
        var message = status.MessageAccess is null ? fallback : $"string.IsNullOrEmpty(message) ? {Parenthesize(fallback)} : message";
        var reason = fallback;
        var code = isDefault && !phaseCase.ExplicitCode ? StateText(status, UnmappedCode) : Literals.String(phaseCase.Code);
        var cleanup = phaseCase.Cleanup ? "WithCleanup" : "";
        var system = phaseCase.IsSystem ? "System" : "";

        // The [TaskInfoSource] member goes to every phase by name: every factory takes an optional "info", but not
        // always in the same position (Success and Aborted have no version).
        var info = status.InfoAccess is null ? "" : ", info: info";
        return phaseCase.Phase switch
        {
            "Undefined" => status.InfoAccess is null ? $"{Names.PhaseInfo}.Undefined" : $"{Names.PhaseInfo}.Undefined.WithInfo(info)",
            "PermanentFailure" => $"{Names.PhaseInfo}.{(phaseCase.IsSystem ? "SystemFailure" : "Failure")}{cleanup}({code}, {message}{info})",
            "RetryableFailure" => $"{Names.PhaseInfo}.{system}RetryableFailure{cleanup}({code}, {message}{info})",
            _ => $"{Names.PhaseInfo}.{phaseCase.Phase}({reason}{info})",
        };
    }
}
