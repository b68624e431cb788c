using AsyncPluginGen.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="SqliteTaskStore"/> as the plugin host's <see cref="ITaskStore"/>.</summary>
public static class SqliteTaskStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="SqliteTaskStore"/> on the file <paramref name="path"/> as the singleton <see cref="ITaskStore"/>
    /// that <c>AddPluginHost()</c>'s host opens at start, so a restarted host resumes its tasks.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="path">The database file; one host per file.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IServiceCollection AddSqliteTaskStore(this IServiceCollection services, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return services.AddSqliteTaskStore(options => options.Path = path);
    }

    /// <summary>Registers a <see cref="SqliteTaskStore"/> as <see cref="AddSqliteTaskStore(IServiceCollection, string)"/> does, with options set by <paramref name="configure"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options; <see cref="SqliteTaskStoreOptions.Path"/> is required.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentException">The options have no <see cref="SqliteTaskStoreOptions.Path"/>.</exception>
    public static IServiceCollection AddSqliteTaskStore(this IServiceCollection services, Action<SqliteTaskStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SqliteTaskStoreOptions();
        configure(options);
        SqliteTaskStore.Validate(options, nameof(configure));
        services.AddSingleton<ITaskStore>(_ => new SqliteTaskStore(options));
        return services;
    }
}
