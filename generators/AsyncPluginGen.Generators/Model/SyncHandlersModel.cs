namespace AsyncPluginGen.Generators.Model;

/// <summary>A [SyncPlugin]'s handler: Do computes the final phase in a single call.</summary>
internal sealed record SyncHandlersModel(HandlerModel Do) : HandlersModel;
