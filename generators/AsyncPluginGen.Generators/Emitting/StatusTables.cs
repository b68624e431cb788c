using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>
/// The tables a plugin's generated Status reads, if any, found once per emit: Status and the <c>file</c> class that
/// holds them both need them, and finding a string table searches character positions and displacements.
/// </summary>
/// <param name="Enum">The dense-enum table, or null.</param>
/// <param name="String">The perfect-hash string table, or null.</param>
internal sealed record StatusTables(EnumPhaseTable? Enum, StringPhaseTable? String)
{
    public static readonly StatusTables None = new(null, null);

    public static StatusTables For(PluginModel plugin) => plugin.Handlers switch
    {
        AsyncHandlersModel { Status: EnumStatusModel status } => new(EnumPhaseTable.For(status), null),
        AsyncHandlersModel { Status: StringStatusModel status } => new(null, StringPhaseTable.For(status)),
        _ => None,
    };
}
