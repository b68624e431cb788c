namespace AsyncPluginGen.Generators.Model;

/// <summary>The author wrote Status; the generated one only forwards.</summary>
/// <param name="TakesContext">Whether it takes the StatusContext rather than the resource.</param>
internal sealed record HandwrittenStatusModel(bool TakesContext) : StatusModel;
