using AsyncPluginGen.Samples.Warehouse;

namespace AsyncPluginGen.Samples.Tests.Warehouse;

/// <summary><see cref="WarehouseQueryPlugin.KeyFor"/>: a valid BigQuery job id, stable per task and distinct between tasks.</summary>
public sealed class WarehouseJobIdTests
{
    [Fact]
    public void A_unique_name_that_is_a_valid_job_id_is_used_as_it_is()
    {
        var task = Task("exec-1", "n0");

        Assert.Equal(task.UniqueName, WarehouseQueryPlugin.KeyFor(task));
    }

    [Fact]
    public void Other_characters_are_replaced_and_a_hash_keeps_the_ids_of_similar_names_apart()
    {
        var dotted = WarehouseQueryPlugin.KeyFor(Task("exec-1", "sub.n0"));
        var coloned = WarehouseQueryPlugin.KeyFor(Task("exec-1", "sub:n0"));

        Assert.StartsWith("flytesnacks-development-exec--1-sub_n0-0_", dotted, StringComparison.Ordinal);
        Assert.NotEqual(dotted, coloned);
        Assert.Equal(dotted, WarehouseQueryPlugin.KeyFor(Task("exec-1", "sub.n0")));
        Assert.All(new[] { dotted, coloned }, AssertValidJobId);
    }

    [Fact]
    public void A_name_longer_than_bigquery_allows_is_cut_to_1024_characters_and_stays_distinct()
    {
        // Parts are at most 256 characters, but every '-' in a part is doubled in the unique name, so it can pass 1024.
        var part = string.Join('-', Enumerable.Repeat("e", 128));
        var longA = WarehouseQueryPlugin.KeyFor(new(WarehouseQueryPlugin.TaskType, new TaskExecutionId(part, part, part, part + "a")));
        var longB = WarehouseQueryPlugin.KeyFor(new(WarehouseQueryPlugin.TaskType, new TaskExecutionId(part, part, part, part + "b")));

        Assert.Equal(1024, longA.Length);
        Assert.NotEqual(longA, longB);
        AssertValidJobId(longA);
    }

    private static TaskContext Task(string execution, string node) =>
        new(WarehouseQueryPlugin.TaskType, new TaskExecutionId("flytesnacks", "development", execution, node));

    private static void AssertValidJobId(string id)
    {
        Assert.InRange(id.Length, 1, 1024);
        Assert.All(id, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '_' or '-', $"'{c}' is not allowed in a job id"));
    }
}
