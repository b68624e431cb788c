namespace AsyncPluginGen.Generators.Model;

/// <summary>
/// The handlers of one kind of plugin: <see cref="AsyncHandlersModel"/> or <see cref="SyncHandlersModel"/>. A distinct
/// type per kind, so a model never carries the other kind's handlers as nulls.
/// </summary>
internal abstract record HandlersModel;
