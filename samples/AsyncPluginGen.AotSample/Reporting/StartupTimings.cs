namespace AsyncPluginGen.AotSample.Reporting;

/// <summary>Start-up figures of one run, all measured by the process itself.</summary>
/// <param name="ProcessStartToMain">From the process's start to <c>Main</c>, and where the start time came from (see <see cref="MainClock.ProcessStartToMain"/>); null when run in-process.</param>
/// <param name="BuildProvider">Building the service provider with the generated <c>AddAsyncPluginGenSamplesPlugins()</c> and <c>AddPluginHost</c>.</param>
/// <param name="ResolveHost">Resolving the <see cref="PluginHost"/>, which resolves the generated registry, the catalog and every plugin's configuration.</param>
/// <param name="ServiceStart">Starting the fake service (Kestrel) on 127.0.0.1.</param>
/// <param name="FirstTerminal">From <c>Main</c> to the first task reaching a final phase; null when none did.</param>
/// <param name="Total">From <c>Main</c> to the end of the run.</param>
public sealed record StartupTimings(
    (TimeSpan Time, string Source)? ProcessStartToMain,
    TimeSpan BuildProvider,
    TimeSpan ResolveHost,
    TimeSpan ServiceStart,
    TimeSpan? FirstTerminal,
    TimeSpan Total)
{
    /// <summary>The registry cold start: building the provider and resolving the host.</summary>
    public TimeSpan RegistryColdStart => BuildProvider + ResolveHost;
}
