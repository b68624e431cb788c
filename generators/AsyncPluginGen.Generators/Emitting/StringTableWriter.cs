using System.Linq;
using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>
/// Writes a string Status's <see cref="StringPhaseTable"/> as a <c>file</c> class after the plugin class: the state in
/// each slot, the constant phase in each slot, the buckets' displacements, and the <c>Find</c> method that hashes a
/// state to its slot.
/// </summary>
internal static class StringTableWriter
{
    private const string AggressiveInlining =
        "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    private const string SlowMethod = "FindIgnoringCaseSlowly";

    public static void Write(IndentedWriter w, PluginModel plugin, StringPhaseTable table)
    {
        var status = table.Status;
        w.Line();
        w.Line($"/// <summary>The slots of {StatusEmitter.Xml(plugin.ClassName)}'s mapped states, and the phases that do not depend on the resource.</summary>");
        GeneratedCodeHeader.WriteMemberAttributes(w);
        w.Open($"file static class {EnumPhaseTable.TypeName}");

        w.Line("/// <summary>The mapped state in each slot; null where no mapped state hashes.</summary>");
        w.Line($"internal static readonly string?[] {StringPhaseTable.StatesField} = new string?[]");
        w.Open();
        for (var slot = 0; slot < table.SlotCount; slot++)
        {
            w.Line(table.At(slot) is { } phaseCase ? $"{Literals.String(phaseCase.State)}, // {slot}" : $"null, // {slot}");
        }

        w.Close(";");
        w.Line();

        if (table.HasConstantPhases)
        {
            StatusEmitter.WritePhaseArray(
                w,
                "The phase of each slot's state; null where the phase depends on the resource or no state hashes.",
                table.SlotCount,
                slot => table.At(slot) is not { } phaseCase
                    ? $"null, // {slot}"
                    : table.IsConstant(phaseCase)
                        ? $"{StatusEmitter.ConstantPhase(phaseCase, status)}, // {slot}: {Literals.String(phaseCase.State)}"
                        : $"null, // {slot}: {Literals.String(phaseCase.State)}, its phase comes from the resource");
            w.Line();
        }

        w.Line("/// <summary>Each bucket's displacement: it moves the bucket's states to slots no other state takes.</summary>");
        w.Line($"internal static readonly ushort[] {StringPhaseTable.DisplacementsField} = new ushort[]");
        w.Open();
        foreach (var row in table.Displacements.Select((d, i) => (d, i)).GroupBy(x => x.i / 16))
        {
            w.Line(string.Join(" ", row.Select(x => Literals.Int(x.d) + ",")));
        }

        w.Close(";");
        w.Line();
        WriteFind(w, table);
        if (status.IgnoreCase)
        {
            w.Line();
            WriteSlowFind(w);
        }

        w.Close();
    }

    private static void WriteFind(IndentedWriter w, StringPhaseTable table)
    {
        var ignoreCase = table.Status.IgnoreCase;
        var chars = table.Positions.Select((p, i) => (Name: "c" + Literals.Int(i), Position: p)).ToArray();

        w.Line("/// <summary>The slot of <paramref name=\"state\"/>, or -1 when it equals no mapped state.</summary>");
        w.Line(AggressiveInlining);
        w.Open($"internal static int {StringPhaseTable.FindMethod}(string? state)");
        w.Open("if (state is null)");
        w.Line("return -1;");
        w.Close();
        w.Line();
        w.Line("int length = state.Length;");
        w.Line($"// Every mapped state is {table.MinLength} to {table.MaxLength} characters long{(ignoreCase ? " (ignoring case changes no length)" : "")}, so the characters read below exist.");
        w.Open($"if ((uint)(length - {table.MinLength}) > {Literals.Int(table.MaxLength - table.MinLength)}u)");
        w.Line("return -1;");
        w.Close();
        w.Line();
        foreach (var (name, position) in chars)
        {
            w.Line($"char {name} = state[{position.Index}];");
        }

        if (ignoreCase)
        {
            w.Line("// Ignoring case, a non-ASCII character may equal an ASCII one, which the hash below would not see.");
            w.Open($"if (({string.Join(" | ", chars.Select(c => c.Name))}) > 0x7F)");
            w.Line($"return {SlowMethod}(state);");
            w.Close();
            w.Line();
        }

        var folded = chars.Select((c, i) => $"((ulong){(ignoreCase ? $"({c.Name} | 0x20)" : c.Name)} << {StringPhaseTable.Shift(i)})");
        w.Line($"// With the length, these characters tell every mapped state apart{(ignoreCase ? " (ASCII letters folded to lower case)" : "")}. The multiplications mix");
        w.Line("// them, and the bucket's displacement sends each state to a slot of its own: no branch on the state.");
        w.Line($"ulong key = (ulong)length ^ {string.Join(" ^ ", folded)};");
        w.Line($"uint hash = (uint)((key * {StringPhaseTable.Hex(StringPhaseTable.KeyMultiplier)}) >> 32);");
        w.Line($"int slot = (int)(((hash ^ {StringPhaseTable.DisplacementsField}[hash >> {32 - table.BucketBits}]) * {StringPhaseTable.Hex(StringPhaseTable.SlotMultiplier)}) >> {32 - table.SlotBits});");
        w.Line(ignoreCase
            ? $"return string.Equals(state, {StringPhaseTable.StatesField}[slot], global::System.StringComparison.OrdinalIgnoreCase) ? slot : -1;"
            : $"return string.Equals(state, {StringPhaseTable.StatesField}[slot]) ? slot : -1;");
        w.Close();
    }

    private static void WriteSlowFind(IndentedWriter w)
    {
        w.Line("/// <summary>The slot of a state with a non-ASCII character where the hash reads, compared with every mapped state.</summary>");
        w.Open($"private static int {SlowMethod}(string state)");
        w.Open($"for (int slot = 0; slot < {StringPhaseTable.StatesField}.Length; slot++)");
        w.Open($"if ({StringPhaseTable.StatesField}[slot] is string mapped && string.Equals(state, mapped, global::System.StringComparison.OrdinalIgnoreCase))");
        w.Line("return slot;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return -1;");
        w.Close();
    }
}
