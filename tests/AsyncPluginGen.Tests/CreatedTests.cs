namespace AsyncPluginGen.Tests;

public sealed class CreatedTests
{
    private sealed record Meta(string JobId);

    private sealed record Resource(string State);

    [Fact]
    public void ImplicitConversionFromMeta_HasNoResource()
    {
        var meta = new Meta("job-1");

        Created<Meta, Resource> created = meta;

        Assert.Same(meta, created.Meta);
        Assert.False(created.HasResource);
        Assert.Null(created.Resource);
    }

    [Fact]
    public void MetaOnlyConstructor_HasNoResource()
    {
        var created = new Created<Meta, Resource>(new Meta("job-1"));

        Assert.Equal(new Meta("job-1"), created.Meta);
        Assert.False(created.HasResource);
        Assert.Null(created.Resource);
    }

    [Fact]
    public void With_HasResource()
    {
        var meta = new Meta("job-2");
        var resource = new Resource("DONE");

        var created = Created.With(meta, resource);

        Assert.IsType<Created<Meta, Resource>>(created);
        Assert.Same(meta, created.Meta);
        Assert.Same(resource, created.Resource);
        Assert.True(created.HasResource);
    }

    [Fact]
    public void TwoArgumentConstructor_HasResource_EvenForDefaultValueResource()
    {
        // HasResource tracks whether Create returned a resource, not whether the resource is non-default.
        var created = new Created<string, int>("id", 0);

        Assert.True(created.HasResource);
        Assert.Equal(0, created.Resource);
        Assert.Equal("id", created.Meta);
    }

    [Fact]
    public async Task ImplicitConversion_WorksAsReturnValueOfCreateHandler()
    {
        static async ValueTask<Created<Meta, Resource>> Create()
        {
            await Task.Yield();
            return new Meta("x");
        }

        var created = await Create();

        Assert.Equal("x", created.Meta.JobId);
        Assert.False(created.HasResource);
    }

    [Fact]
    public void Default_HasNothing()
    {
        var created = default(Created<Meta, Resource>);

        Assert.Null(created.Meta);
        Assert.Null(created.Resource);
        Assert.False(created.HasResource);
    }
}
