namespace AsyncPluginGen.Samples.Warehouse;

/// <summary>
/// The states a BigQuery job reports, and the outcomes <see cref="BigQueryJob.Outcome"/> derives from a DONE job's
/// error, so that one string can carry the whole phase mapping.
/// </summary>
public static class BigQueryJobStates
{
    /// <summary>Waiting to run.</summary>
    public const string Pending = "PENDING";

    /// <summary>Running; a cancelled job stays here until it has stopped.</summary>
    public const string Running = "RUNNING";

    /// <summary>Ended. BigQuery's only end state: on its own it means success only when the job has no error result.</summary>
    public const string Done = "DONE";

    /// <summary>Derived: DONE with an error the query's author must fix, such as <c>invalidQuery</c>.</summary>
    public const string Failed = "FAILED";

    /// <summary>Derived: DONE with an error inside BigQuery, which a new attempt may not meet.</summary>
    public const string BackendFailed = "BACKEND_FAILED";

    /// <summary>Derived: DONE with reason <c>stopped</c>; somebody cancelled the job.</summary>
    public const string Cancelled = "CANCELLED";
}
