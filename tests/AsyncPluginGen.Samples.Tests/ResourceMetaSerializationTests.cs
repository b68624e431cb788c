using System.Text;
using AsyncPluginGen.Samples.Notebooks;
using AsyncPluginGen.Samples.Training;
using AsyncPluginGen.Samples.Warehouse;

namespace AsyncPluginGen.Samples.Tests;

/// <summary>
/// Each sample plugin's ResourceMeta round-trips through its generated serializer, which is what the Flyte agent puts in
/// <c>resource_meta</c>; the JSON is the documented camelCase object.
/// </summary>
public sealed class ResourceMetaSerializationTests
{
    [Fact]
    public void Warehouse_job_reference_round_trips()
    {
        var meta = new BigQueryJobReference("my-project", "flytesnacks-development-exec-1-n0-0");

        var json = RoundTrip(WarehouseQueryPlugin.AsyncPluginMetaSerializer.Instance, meta);

        Assert.Equal("{\"projectId\":\"my-project\",\"jobId\":\"flytesnacks-development-exec-1-n0-0\"}", json);
    }

    [Fact]
    public void Notebook_run_reference_round_trips()
    {
        var json = RoundTrip(NotebookRunPlugin.AsyncPluginMetaSerializer.Instance, new NotebookRunRef(long.MaxValue));

        Assert.Equal("{\"runId\":9223372036854775807}", json);
    }

    [Fact]
    public void Training_job_reference_round_trips()
    {
        var json = RoundTrip(TrainingJobPlugin.AsyncPluginMetaSerializer.Instance, new TrainingJobRef("flyte-ü-job"));

        Assert.Equal("{\"trainingJobName\":\"flyte-\\u00FC-job\"}", json);
    }

    [Fact]
    public void Every_sample_async_plugin_provides_its_serializer_through_the_interface()
    {
        // The Flyte agent finds the codec through the plugin instance; checked on the types so no client is needed.
        Assert.True(typeof(IResourceMetaSerializerProvider<BigQueryJobReference>).IsAssignableFrom(typeof(WarehouseQueryPlugin)));
        Assert.True(typeof(IResourceMetaSerializerProvider<NotebookRunRef>).IsAssignableFrom(typeof(NotebookRunPlugin)));
        Assert.True(typeof(IResourceMetaSerializerProvider<TrainingJobRef>).IsAssignableFrom(typeof(TrainingJobPlugin)));
    }

    [Fact]
    public void A_meta_from_an_untrusted_store_that_lacks_its_identity_is_rejected()
    {
        var error = Assert.Throws<ResourceMetaFormatException>(
            () => WarehouseQueryPlugin.AsyncPluginMetaSerializer.Instance.Read("{\"projectId\":\"p\"}"u8));

        Assert.Contains("'BigQueryJobReference.jobId' is required but missing", error.Message, StringComparison.Ordinal);
    }

    private static string RoundTrip<TMeta>(IResourceMetaSerializer<TMeta> serializer, TMeta meta)
        where TMeta : notnull
    {
        var bytes = ResourceMetaSerializer.Serialize(serializer, meta);
        Assert.Equal(meta, ResourceMetaSerializer.Deserialize(serializer, bytes));
        return Encoding.UTF8.GetString(bytes);
    }
}
