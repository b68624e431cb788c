using System.Text.Json;

namespace AsyncPluginGen.Tests;

public sealed class TaskContextTests
{
    private static TaskExecutionId Id(int attempt = 0) => new("flytesnacks", "development", "f3a9c2", "n0", attempt);

    [Fact]
    public void GeneratedName_JoinsTheParts()
    {
        Assert.Equal("flytesnacks-development-f3a9c2-n0-0", Id().GeneratedName);
        Assert.Equal("flytesnacks-development-f3a9c2-n0-3", Id(3).GeneratedName);
    }

    [Fact]
    public void GeneratedName_IsStable()
    {
        var id = Id(1);

        var first = id.GeneratedName;
        var second = id.GeneratedName;

        Assert.Equal(first, second);
        Assert.Equal(first, Id(1).GeneratedName);
        Assert.Equal(first, id.ToString());
    }

    [Fact]
    public void GeneratedName_IsUniquePerAttempt()
    {
        var names = Enumerable.Range(0, 5).Select(attempt => Id(attempt).GeneratedName).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void GeneratedName_DiffersWhenAnyPartDiffers()
    {
        var baseline = Id().GeneratedName;

        Assert.NotEqual(baseline, (Id() with { Project = "other" }).GeneratedName);
        Assert.NotEqual(baseline, (Id() with { Domain = "production" }).GeneratedName);
        Assert.NotEqual(baseline, (Id() with { ExecutionName = "other" }).GeneratedName);
        Assert.NotEqual(baseline, (Id() with { NodeId = "n1" }).GeneratedName);
        Assert.NotEqual(baseline, (Id() with { RetryAttempt = 1 }).GeneratedName);
    }

    [Fact]
    public void GeneratedName_WithAfterRead_StillReflectsNewAttempt()
    {
        var first = Id(0);
        _ = first.GeneratedName;

        var next = first with { RetryAttempt = 1 };

        Assert.Equal("flytesnacks-development-f3a9c2-n0-1", next.GeneratedName);
    }

    [Fact]
    public void Equality_DoesNotDependOnWhetherGeneratedNameWasRead()
    {
        var read = Id(2);
        _ = read.GeneratedName;
        var unread = Id(2);

        Assert.Equal(unread, read);
        Assert.Equal(unread.GetHashCode(), read.GetHashCode());
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(Id(1), Id(1));
        Assert.NotEqual(Id(1), Id(2));
        Assert.Equal(0, new TaskExecutionId("p", "d", "e", "n").RetryAttempt);
    }

    [Fact]
    public void UniqueName_EqualsGeneratedName()
    {
        var context = new TaskContext("bigquery_query_job_task", Id(2));

        Assert.Equal(Id(2).GeneratedName, context.UniqueName);
        Assert.Equal("flytesnacks-development-f3a9c2-n0-2", context.UniqueName);
        Assert.Equal("bigquery_query_job_task flytesnacks-development-f3a9c2-n0-2", context.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void EmptyTaskType_Throws(string taskType)
    {
        var ex = Assert.Throws<ArgumentException>(() => new TaskContext(taskType, Id()));

        Assert.Equal("taskType", ex.ParamName);
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new TaskContext(null!, Id()));
        Assert.Throws<ArgumentNullException>(() => new TaskContext("t", null!));
    }

    [Fact]
    public void Defaults_AreEmpty()
    {
        var context = new TaskContext("t", Id());

        Assert.Equal("t", context.TaskType);
        Assert.Equal(Id(), context.ExecutionId);
        Assert.Equal("default", context.Namespace);
        Assert.Empty(context.Labels);
        Assert.Empty(context.Annotations);
        Assert.Equal(JsonValueKind.Object, context.Inputs.ValueKind);
        Assert.Empty(context.Inputs.EnumerateObject());
        Assert.Equal("{}", context.Inputs.GetRawText());
        Assert.Equal(JsonValueKind.Object, context.Custom.ValueKind);
        Assert.Empty(context.Custom.EnumerateObject());
        Assert.IsType<InMemoryTaskOutputWriter>(context.Outputs);
        Assert.Same(DictionarySecretProvider.Empty, context.Secrets);
    }

    [Fact]
    public void EachContext_GetsItsOwnDefaultOutputWriter()
    {
        var a = new TaskContext("t", Id());
        var b = new TaskContext("t", Id());

        Assert.NotSame(a.Outputs, b.Outputs);
    }

    [Fact]
    public async Task InitProperties_AreKept()
    {
        using var inputs = JsonDocument.Parse("""{"x": 1}""");
        using var custom = JsonDocument.Parse("""{"query": "select 1"}""");
        var writer = new InMemoryTaskOutputWriter("s3://bucket/out");
        var secrets = new DictionarySecretProvider(new Dictionary<string, string> { ["token"] = "t0p" });

        var context = new TaskContext("t", Id())
        {
            Namespace = "flytesnacks-development",
            Labels = new Dictionary<string, string> { ["team"] = "data" },
            Annotations = new Dictionary<string, string> { ["a"] = "b" },
            Inputs = inputs.RootElement,
            Custom = custom.RootElement,
            Outputs = writer,
            Secrets = secrets,
        };

        Assert.Equal("flytesnacks-development", context.Namespace);
        Assert.Equal("data", context.Labels["team"]);
        Assert.Equal("b", context.Annotations["a"]);
        Assert.Equal(1, context.Inputs.GetProperty("x").GetInt32());
        Assert.Equal("select 1", context.Custom.GetProperty("query").GetString());
        Assert.Same(writer, context.Outputs);
        Assert.Equal("s3://bucket/out", context.Outputs.OutputPrefix);
        Assert.Equal("t0p", await context.Secrets.GetSecretAsync("token"));
        Assert.Empty(context.SecretValues); // "t0p" is shorter than MinSecretLength
    }

    [Fact]
    public async Task SecretsReadThroughTheContext_AndMarkedOnes_AreItsSecretValues()
    {
        var context = new TaskContext("t", Id()) { Secrets = new DictionarySecretProvider(new Dictionary<string, string> { ["token"] = "s3cr3t-token", ["pin"] = "123" }) };
        Assert.False(context.HasSecretValues);

        await context.Secrets.GetSecretAsync("token");
        await context.Secrets.GetSecretAsync("pin");
        context.MarkSecret("oauth-access-xyz");
        context.MarkSecret("oauth-access-xyz");
        context.MarkSecret("abc");

        Assert.True(context.HasSecretValues);
        Assert.Equal(["s3cr3t-token", "oauth-access-xyz"], context.SecretValues); // too short to redact: "123", "abc"
    }

    [Fact]
    public async Task DictionarySecretProvider_ReturnsKnownSecret()
    {
        var provider = new DictionarySecretProvider(new Dictionary<string, string> { ["api-key"] = "s3cr3t" });

        Assert.Equal("s3cr3t", await provider.GetSecretAsync("api-key"));
    }

    [Fact]
    public async Task DictionarySecretProvider_MissingSecret_ThrowsNamingIt()
    {
        var provider = new DictionarySecretProvider(new Dictionary<string, string> { ["api-key"] = "s3cr3t" });

        var ex = await Assert.ThrowsAsync<KeyNotFoundException>(async () => await provider.GetSecretAsync("warehouse-password"));

        Assert.Contains("'warehouse-password'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DictionarySecretProvider_IsCaseSensitive()
    {
        var provider = new DictionarySecretProvider(new Dictionary<string, string>(StringComparer.Ordinal) { ["api-key"] = "v" });

        await Assert.ThrowsAsync<KeyNotFoundException>(async () => await provider.GetSecretAsync("API-KEY"));
    }

    [Fact]
    public async Task EmptySecretProvider_HasNoSecrets()
    {
        var ex = await Assert.ThrowsAsync<KeyNotFoundException>(async () => await DictionarySecretProvider.Empty.GetSecretAsync("any"));

        Assert.Contains("'any'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InMemoryTaskOutputWriter_KeepsAClonedCopy()
    {
        var writer = new InMemoryTaskOutputWriter();
        Assert.Equal("memory://outputs", writer.OutputPrefix);
        Assert.Null(writer.Outputs);

        using (var doc = JsonDocument.Parse("""{"rows": 3}"""))
        {
            await writer.WriteOutputsAsync(doc.RootElement);
        }

        // The document is disposed; the writer's copy must still be readable.
        Assert.NotNull(writer.Outputs);
        Assert.Equal(3, writer.Outputs.Value.GetProperty("rows").GetInt32());
    }
}
