using System.Text.Json.Serialization;

namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>
/// Databricks' <c>result_state</c>: how a terminated run ended. A value this version does not know reads as
/// <see cref="Unknown"/>, for the same reason as <see cref="RunLifeCycleState.Unknown"/>.
/// </summary>
[JsonConverter(typeof(RunResultStateConverter))]
public enum RunResultState
{
    /// <summary>A result this version of the plugin does not know.</summary>
    Unknown = 0,

    /// <summary><c>SUCCESS</c>: the notebook completed.</summary>
    Success,

    /// <summary><c>FAILED</c>: the notebook raised an error.</summary>
    Failed,

    /// <summary><c>TIMEDOUT</c>: the run was stopped after reaching its time-out.</summary>
    TimedOut,

    /// <summary><c>CANCELED</c>: the run was cancelled at a user's request.</summary>
    Canceled,
}

/// <summary>Reads and writes <see cref="RunResultState"/> with Databricks' names.</summary>
public sealed class RunResultStateConverter() : WireEnumConverter<RunResultState>(
    RunResultState.Unknown,
    ("SUCCESS", RunResultState.Success),
    ("FAILED", RunResultState.Failed),
    ("TIMEDOUT", RunResultState.TimedOut),
    ("CANCELED", RunResultState.Canceled));
