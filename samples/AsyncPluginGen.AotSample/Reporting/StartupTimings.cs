namespace AsyncPluginGen.AotSample.Reporting;

/// <summary>Start-up figures of one run, all measured by the process itself.</summary>
/// <param name="ProcessStartToMain">From the process's start to <c>Main</c>, and where the start time came from (see <see cref="MainClock.ProcessStartToMain"/>); null when run in-process.</param>
/// <param name="Registry">The registry cold start, step by step.</param>
/// <param name="ServiceStart">Starting the fake service (Kestrel) on 127.0.0.1.</param>
/// <param name="FirstTerminal">From <c>Main</c> to the first task reaching a final phase; null when none did.</param>
/// <param name="Total">From <c>Main</c> to the end of the run.</param>
public sealed record StartupTimings(
    (TimeSpan Time, string Source)? ProcessStartToMain,
    RegistryTimings Registry,
    TimeSpan ServiceStart,
    TimeSpan? FirstTerminal,
    TimeSpan Total);
