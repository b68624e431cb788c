namespace AsyncPluginGen.Generators.Inspection;

/// <summary>The accepted handler shapes, as messages show them (see AsyncPluginAttribute and docs/authoring.md).</summary>
internal static class HandlerShapes
{
    /// <summary>"CreateAsync(TaskContext, CancellationToken)": enough to tell overloads apart in a message.</summary>
    public static readonly Microsoft.CodeAnalysis.SymbolDisplayFormat SignatureFormat = new(
        memberOptions: Microsoft.CodeAnalysis.SymbolDisplayMemberOptions.IncludeParameters,
        parameterOptions: Microsoft.CodeAnalysis.SymbolDisplayParameterOptions.IncludeType,
        miscellaneousOptions: Microsoft.CodeAnalysis.SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    public const string Create =
        "Create/CreateAsync(TaskContext task[, CancellationToken cancellationToken]) returning TMeta or Created<TMeta, TResource>, directly or as Task<>/ValueTask<>";

    public const string Get =
        "Get/GetAsync(TMeta meta[, CancellationToken cancellationToken]) returning TResource, directly or as Task<>/ValueTask<>";

    public const string Delete =
        "Delete/DeleteAsync(TMeta meta[, DeleteReason reason][, CancellationToken cancellationToken]) returning void, Task or ValueTask";

    public const string Status =
        "PhaseInfo Status(TResource resource) or PhaseInfo Status(in StatusContext<TMeta, TResource> context), static or instance";

    public const string Do =
        "Do/DoAsync(TaskContext task[, CancellationToken cancellationToken]) returning PhaseInfo, directly or as Task<>/ValueTask<>";

    public const string ResourceRequirements = "ResourceRequirements GetResourceRequirements(TaskContext task)";

    public const string CreateExample = "public async ValueTask<Created<TMeta, TResource>> CreateAsync(TaskContext task, CancellationToken cancellationToken)";

    public const string DoExample = "public async ValueTask<PhaseInfo> DoAsync(TaskContext task, CancellationToken cancellationToken)";

    public static string GetExample(string meta) => $"public async ValueTask<TResource> GetAsync({meta} meta, CancellationToken cancellationToken)";

    public static string DeleteExample(string meta) => $"public async ValueTask DeleteAsync({meta} meta, DeleteReason reason, CancellationToken cancellationToken)";
}
