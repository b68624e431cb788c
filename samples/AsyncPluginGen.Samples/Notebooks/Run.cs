namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>
/// A run as <c>GET /api/2.1/jobs/runs/get</c> returns it (the fields the plugin uses): the plugin's resource. Status
/// reads <see cref="State"/>; the rest is kept for people looking at the task's result.
/// </summary>
/// <param name="RunId">The run's id.</param>
/// <param name="RunName">The name given at submit.</param>
/// <param name="State">Where the run is; null only if the service left it out.</param>
/// <param name="RunPageUrl">The run's page in the Databricks UI.</param>
/// <param name="StartTime">When the run was started, in epoch milliseconds (cluster creation included).</param>
/// <param name="EndTime">When the run ended, in epoch milliseconds; 0 while it has not.</param>
public sealed record Run(long RunId, string? RunName, RunState? State, string? RunPageUrl, long StartTime = 0, long EndTime = 0);

/// <summary>
/// A run's state. Databricks splits it in two: where the run is in its life cycle, and, once it has terminated, how it
/// ended. Neither alone gives the phase, which is why the plugin writes its Status by hand.
/// </summary>
/// <param name="LifeCycleState">Where the run is in its life cycle.</param>
/// <param name="ResultState">How it ended; null until it has terminated.</param>
/// <param name="StateMessage">What Databricks says about the state, such as why the run failed; may be empty.</param>
public sealed record RunState(RunLifeCycleState LifeCycleState, RunResultState? ResultState = null, string? StateMessage = null);
