namespace AsyncPluginGen.Samples.FakeServices.Notebooks;

/// <summary>A run as <c>runs/get</c> returns it (the fields the sample plugin reads, and a few more a reader would expect).</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="RunName">Its name.</param>
/// <param name="State">Where it is, and how it ended.</param>
/// <param name="RunPageUrl">Its page in the workspace's UI.</param>
/// <param name="StartTime">When it was started, in epoch milliseconds.</param>
/// <param name="EndTime">When it ended, in epoch milliseconds; 0 while it has not.</param>
public sealed record RunView(long RunId, string RunName, RunStateView State, string RunPageUrl, long StartTime, long EndTime);

/// <summary>A run's state, in Databricks' two parts.</summary>
/// <param name="LifeCycleState"><c>PENDING</c>, <c>RUNNING</c>, <c>TERMINATING</c> or <c>TERMINATED</c> (this fake never skips a run or fails internally).</param>
/// <param name="ResultState"><c>SUCCESS</c>, <c>FAILED</c> or <c>CANCELED</c> once terminated; absent before.</param>
/// <param name="StateMessage">What Databricks says about the state; empty when it has nothing to say.</param>
public sealed record RunStateView(string LifeCycleState, string? ResultState, string StateMessage);
