using System.Globalization;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// Every rule <see cref="PluginHostOptions"/> must meet, in one place: the options validator (start-up through
/// <c>ValidateOnStart</c>) and a directly constructed <see cref="PluginHost"/> both apply it, so the two can never disagree.
/// </summary>
internal static class PluginHostOptionsValidation
{
    /// <summary>Every problem with <paramref name="options"/>, each a sentence saying what is wrong and how to fix it.</summary>
    /// <param name="options">The options.</param>
    /// <param name="catalog">The registered plugins; when given, overrides are checked against them.</param>
    /// <returns>The problems; empty when the options are valid.</returns>
    public static List<string> Collect(PluginHostOptions options, PluginCatalog? catalog)
    {
        var errors = new List<PluginConfigError>();
        PluginHostOptions.TickIntervalRange.Check(nameof(PluginHostOptions.TickInterval), options.TickInterval, errors);
        PluginHostOptions.MaxRemoteTextLengthRange.Check(nameof(PluginHostOptions.MaxRemoteTextLength), options.MaxRemoteTextLength, errors);
        PluginHostOptions.StoreCommitIntervalRange.Check(nameof(PluginHostOptions.StoreCommitInterval), options.StoreCommitInterval, errors);
        PluginHostOptions.EndedTaskRetentionRange.Check(nameof(PluginHostOptions.EndedTaskRetention), options.EndedTaskRetention, errors);
        if (!Enum.IsDefined(options.StopBehavior))
        {
            errors.Add(new PluginConfigError(nameof(PluginHostOptions.StopBehavior), options.StopBehavior.ToString(), $"{{ {string.Join(", ", Enum.GetNames<StopBehavior>())} }}"));
        }
        if (options.DefaultTaskTimeout is { } timeout)
        {
            PluginHostOptions.TaskTimeoutRange.Check(nameof(PluginHostOptions.DefaultTaskTimeout), timeout, errors);
        }

        CheckRetries(nameof(PluginHostOptions.CreateRetries), options.CreateRetries, errors);
        CheckRetries(nameof(PluginHostOptions.DeleteRetries), options.DeleteRetries, errors);
        CheckCallTimeouts(options, errors);
        var problems = errors.Select(error => $"PluginHostOptions.{error}").ToList();
        CheckPlugins(options, catalog, problems);
        return problems;
    }

    /// <summary>Throws when <paramref name="options"/> break a rule; the message lists every problem.</summary>
    /// <param name="options">The options.</param>
    /// <param name="catalog">The registered plugins.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    /// <exception cref="PluginConfigValidationException">A plugin's effective configuration is outside Flyte's ranges.</exception>
    public static void ThrowIfInvalid(PluginHostOptions options, PluginCatalog catalog)
    {
        var problems = Collect(options, catalog: null);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        // Overrides last, with the exception types callers already handle: unknown ids are argument errors, and
        // out-of-range values are a PluginConfigValidationException naming the plugin.
        var unknown = UnknownPluginIds(options, catalog);
        if (unknown.Count > 0)
        {
            throw new ArgumentException(UnknownPluginMessage(unknown[0], catalog), nameof(options));
        }

        foreach (var descriptor in catalog.Descriptors)
        {
            EffectiveConfig(options, descriptor).Validate(descriptor.Id);
        }
    }

    /// <summary>Throws when a per-task timeout is outside <see cref="PluginHostOptions.TaskTimeoutRange"/>.</summary>
    /// <param name="timeout">The timeout given at submission.</param>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is out of range.</exception>
    public static void ThrowIfInvalidTaskTimeout(TimeSpan? timeout)
    {
        if (timeout is { } value && !PluginHostOptions.TaskTimeoutRange.Contains(value))
        {
            throw new ArgumentOutOfRangeException(
                nameof(TaskOptions.Timeout),
                value,
                $"TaskOptions.Timeout is {value.ToString("c", CultureInfo.InvariantCulture)}, but it must be within {PluginHostOptions.TaskTimeoutRange}. Pass null for no timeout.");
        }
    }

    /// <summary>A plugin's declared configuration with the options' override, if any, applied.</summary>
    /// <param name="options">The options.</param>
    /// <param name="descriptor">The plugin.</param>
    /// <returns>The effective configuration (not validated).</returns>
    public static PluginConfig EffectiveConfig(PluginHostOptions options, PluginDescriptor descriptor) =>
        options.Plugins.TryGetValue(descriptor.Id, out var overrides) ? overrides.ApplyTo(descriptor.Config) : descriptor.Config;

    private static void Check<T>(this ValueRange<T> range, string field, T value, List<PluginConfigError> errors)
        where T : IComparable<T>
    {
        if (range.Check(field, value) is { } error)
        {
            errors.Add(error);
        }
    }

    private static void CheckRetries(string name, RetryPolicy? policy, List<PluginConfigError> errors)
    {
        if (policy is null)
        {
            errors.Add(new PluginConfigError(name, "null", "a RetryPolicy (remove the setting to keep the default)"));
            return;
        }

        RetryPolicy.MaxAttemptsRange.Check($"{name}.{nameof(RetryPolicy.MaxAttempts)}", policy.MaxAttempts, errors);
        RetryPolicy.DelayRange.Check($"{name}.{nameof(RetryPolicy.InitialDelay)}", policy.InitialDelay, errors);
        RetryPolicy.DelayRange.Check($"{name}.{nameof(RetryPolicy.MaxDelay)}", policy.MaxDelay, errors);
        if (policy.InitialDelay > policy.MaxDelay && RetryPolicy.DelayRange.Contains(policy.MaxDelay))
        {
            errors.Add(new PluginConfigError(
                $"{name}.{nameof(RetryPolicy.InitialDelay)}",
                policy.InitialDelay.ToString("c", CultureInfo.InvariantCulture),
                $"0–{policy.MaxDelay.ToString("c", CultureInfo.InvariantCulture)} ({name}.{nameof(RetryPolicy.MaxDelay)})"));
        }
    }

    /// <summary>A plugin's call timeouts: the host's, with the plugin's override, if any, applied.</summary>
    /// <param name="options">The (valid) options.</param>
    /// <param name="pluginId">The plugin.</param>
    /// <returns>A copy: later changes to the options do not reach the host.</returns>
    public static CallTimeouts EffectiveCallTimeouts(PluginHostOptions options, string pluginId) =>
        options.Plugins.TryGetValue(pluginId, out var overrides) && overrides?.CallTimeouts is { } timeouts
            ? timeouts.ApplyTo(options.CallTimeouts)
            : options.CallTimeouts.Clone();

    private static void CheckCallTimeouts(PluginHostOptions options, List<PluginConfigError> errors)
    {
        const string name = nameof(PluginHostOptions.CallTimeouts);
        if (options.CallTimeouts is not { } timeouts)
        {
            errors.Add(new PluginConfigError(name, "null", "a CallTimeouts (remove the setting to keep the defaults)"));
        }
        else
        {
            CallTimeouts.Range.Check($"{name}.{nameof(CallTimeouts.Create)}", timeouts.Create, errors);
            CallTimeouts.Range.Check($"{name}.{nameof(CallTimeouts.Get)}", timeouts.Get, errors);
            CallTimeouts.Range.Check($"{name}.{nameof(CallTimeouts.Delete)}", timeouts.Delete, errors);
            CallTimeouts.Range.Check($"{name}.{nameof(CallTimeouts.Do)}", timeouts.Do, errors);
        }

        foreach (var (id, overrides) in options.Plugins ?? [])
        {
            var field = $"{nameof(PluginHostOptions.Plugins)}:{id}:{name}";
            if (overrides?.CallTimeouts is not { } pluginTimeouts)
            {
                errors.Add(new PluginConfigError(field, "null", "a CallTimeoutsOverride (remove the setting to keep the host's timeouts)"));
                continue;
            }

            CheckOverride($"{field}:{nameof(CallTimeouts.Create)}", pluginTimeouts.Create, errors);
            CheckOverride($"{field}:{nameof(CallTimeouts.Get)}", pluginTimeouts.Get, errors);
            CheckOverride($"{field}:{nameof(CallTimeouts.Delete)}", pluginTimeouts.Delete, errors);
            CheckOverride($"{field}:{nameof(CallTimeouts.Do)}", pluginTimeouts.Do, errors);
        }
    }

    private static void CheckOverride(string field, TimeSpan? value, List<PluginConfigError> errors)
    {
        if (value is { } timeout)
        {
            CallTimeouts.Range.Check(field, timeout, errors);
        }
    }

    private static void CheckPlugins(PluginHostOptions options, PluginCatalog? catalog, List<string> problems)
    {
        if (options.Plugins is null)
        {
            problems.Add("PluginHostOptions.Plugins is null; leave it empty when no plugin is overridden.");
            return;
        }

        if (catalog is null)
        {
            return;
        }

        problems.AddRange(UnknownPluginIds(options, catalog).Select(id => UnknownPluginMessage(id, catalog)));
        foreach (var descriptor in catalog.Descriptors)
        {
            var configErrors = EffectiveConfig(options, descriptor).GetValidationErrors();
            if (configErrors.Count > 0)
            {
                problems.Add(new PluginConfigValidationException(descriptor.Id, configErrors).Message);
            }
        }
    }

    private static List<string> UnknownPluginIds(PluginHostOptions options, PluginCatalog catalog)
    {
        var ids = catalog.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return options.Plugins.Keys.Where(id => !ids.Contains(id)).Order(StringComparer.Ordinal).ToList();
    }

    private static string UnknownPluginMessage(string id, PluginCatalog catalog) =>
        $"The configuration overrides plugin '{id}', but no registered plugin has that id. Known plugin ids: {string.Join(", ", catalog.Descriptors.Select(d => d.Id).Order(StringComparer.Ordinal))}.";
}
