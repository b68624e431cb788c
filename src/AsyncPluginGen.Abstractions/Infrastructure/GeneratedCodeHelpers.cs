using System.ComponentModel;

namespace AsyncPluginGen.Infrastructure;

/// <summary>
/// Small helpers that generated plugin code calls, kept in the runtime so the generated code stays short.
/// Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedCodeHelpers
{
    /// <summary>The error code of a state that no mapping names.</summary>
    public const string UnmappedStateCode = "UnmappedState";

    /// <summary>Resolves a constructor dependency of a plugin, with an error that says which plugin needs what.</summary>
    /// <typeparam name="T">The dependency's type.</typeparam>
    /// <param name="services">The service provider.</param>
    /// <param name="pluginId">The plugin being created.</param>
    /// <returns>The dependency.</returns>
    /// <exception cref="InvalidOperationException">The service provider has no such service.</exception>
    public static T GetRequiredService<T>(IServiceProvider services, string pluginId)
        where T : notnull =>
        services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException(
                $"Plugin '{pluginId}' needs a service of type {typeof(T).FullName} in its constructor, but none is registered. " +
                "Register it in the service collection before the plugins are created.");

    /// <summary>Resolves an optional constructor dependency, or null.</summary>
    /// <typeparam name="T">The dependency's type.</typeparam>
    /// <param name="services">The service provider.</param>
    /// <returns>The dependency, or null when none is registered.</returns>
    public static T? GetOptionalService<T>(IServiceProvider services)
        where T : class => services.GetService(typeof(T)) as T;

    /// <summary>Adapts a Create handler that returns only the meta.</summary>
    /// <typeparam name="TMeta">The ResourceMeta type.</typeparam>
    /// <typeparam name="TResource">The Resource type.</typeparam>
    /// <param name="meta">The handler's pending result.</param>
    /// <returns>A Created without resource.</returns>
    public static async ValueTask<Created<TMeta, TResource>> MetaOnly<TMeta, TResource>(ValueTask<TMeta> meta) =>
        new(await meta.ConfigureAwait(false));

    /// <summary>Adapts a Create handler that returns only the meta.</summary>
    /// <typeparam name="TMeta">The ResourceMeta type.</typeparam>
    /// <typeparam name="TResource">The Resource type.</typeparam>
    /// <param name="meta">The handler's pending result.</param>
    /// <returns>A Created without resource.</returns>
    public static async ValueTask<Created<TMeta, TResource>> MetaOnly<TMeta, TResource>(Task<TMeta> meta) =>
        new(await meta.ConfigureAwait(false));

    /// <summary>
    /// The phase for a state no mapping names and no [DefaultPhase] covers: a system failure that names the
    /// state and the fix. Allocates, but only on this error path.
    /// </summary>
    /// <param name="pluginId">The plugin.</param>
    /// <param name="state">The state as received.</param>
    /// <returns>A permanent system failure with code <see cref="UnmappedStateCode"/>.</returns>
    public static PhaseInfo UnmappedState(string pluginId, string? state) =>
        PhaseInfo.SystemFailure(
            UnmappedStateCode,
            $"Plugin '{pluginId}' received state '{state ?? "null"}' from the remote service, but no [Phase] or [PhaseMapping] maps it to a phase. " +
            "Map that state, or add [DefaultPhase] to the plugin class.");
}
