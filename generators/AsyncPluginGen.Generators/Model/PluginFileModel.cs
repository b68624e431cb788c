namespace AsyncPluginGen.Generators.Model;

/// <summary>
/// The [AsyncPlugin] and [SyncPlugin] models of one file, in source order. The pipeline compares items by position,
/// so grouping by file confines the effect of adding or removing a plugin to the outputs of its own file.
/// </summary>
internal sealed record PluginFileModel(string FilePath, EquatableArray<PluginModel> Async, EquatableArray<PluginModel> Sync);
