using System.Text.Json;

namespace AsyncPluginGen.Samples.Notebooks;

/// <summary>
/// What a <c>notebook_run</c> task asks for, read from the task's inputs (a camelCase JSON object:
/// <c>{"notebookPath": "/Shared/etl", "parameters": {"date": "2024-01-01"}, "clusterId": "0101-abc"}</c>).
/// </summary>
/// <param name="NotebookPath">The absolute workspace path of the notebook.</param>
/// <param name="Parameters">The notebook's widget values, all strings as Databricks requires; none when null.</param>
/// <param name="ClusterId">An existing cluster to run on; null starts a job cluster for the run.</param>
public sealed record NotebookRunInputs(string NotebookPath, IReadOnlyDictionary<string, string>? Parameters = null, string? ClusterId = null)
{
    private const string NotebookPathField = "notebookPath";
    private const string ParametersField = "parameters";
    private const string ClusterIdField = "clusterId";

    /// <summary>
    /// Reads and checks a task's inputs. The checks are Databricks' own, made before the call so that the task fails
    /// with a message naming the field rather than with a 400 from the service. Unknown fields are rejected: a misspelt
    /// <c>clusterId</c> would otherwise silently start a new cluster.
    /// </summary>
    /// <param name="task">The task.</param>
    /// <returns>The inputs.</returns>
    /// <exception cref="ArgumentException">An input is missing, of the wrong type, or unknown; the message names the task and the field.</exception>
    public static NotebookRunInputs From(TaskContext task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var inputs = task.Inputs;
        if (inputs.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Task {task.UniqueName}: the inputs must be a JSON object, not {inputs.ValueKind}.", nameof(task));
        }

        string? notebookPath = null;
        Dictionary<string, string>? parameters = null;
        string? clusterId = null;
        foreach (var field in inputs.EnumerateObject())
        {
            switch (field.Name)
            {
                case NotebookPathField:
                    notebookPath = ReadOptionalString(task, field);
                    break;
                case ParametersField:
                    parameters = ReadParameters(task, field.Value);
                    break;
                case ClusterIdField:
                    clusterId = ReadOptionalString(task, field);
                    if (clusterId is { Length: 0 })
                    {
                        throw Invalid(task, ClusterIdField, "must not be empty; leave it out to run on a new job cluster");
                    }

                    break;
                default:
                    throw Invalid(task, field.Name, $"is not an input of a notebook run (expected {NotebookPathField}, {ParametersField} or {ClusterIdField})");
            }
        }

        if (string.IsNullOrWhiteSpace(notebookPath))
        {
            throw Invalid(task, NotebookPathField, "is required: the workspace path of the notebook, such as /Shared/etl/daily");
        }

        if (!notebookPath.StartsWith('/'))
        {
            throw Invalid(task, NotebookPathField, $"must be an absolute workspace path starting with '/', not '{notebookPath}'");
        }

        return new NotebookRunInputs(notebookPath, parameters, clusterId);
    }

    private static string? ReadOptionalString(TaskContext task, JsonProperty field) => field.Value.ValueKind switch
    {
        JsonValueKind.String => field.Value.GetString(),
        JsonValueKind.Null => null,
        var kind => throw Invalid(task, field.Name, $"must be a string, not {kind}"),
    };

    private static Dictionary<string, string>? ReadParameters(TaskContext task, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(task, ParametersField, $"must be an object of names to string values, not {value.ValueKind}");
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in value.EnumerateObject())
        {
            // Databricks passes widget values as strings; converting a number here would hide a caller's mistake.
            if (parameter.Value.ValueKind != JsonValueKind.String)
            {
                throw Invalid(task, ParametersField + "." + parameter.Name, $"must be a string, not {parameter.Value.ValueKind}");
            }

            parameters[parameter.Name] = parameter.Value.GetString()!;
        }

        return parameters;
    }

    private static ArgumentException Invalid(TaskContext task, string field, string problem) =>
        new($"Task {task.UniqueName}: input '{field}' {problem}.", field);
}
