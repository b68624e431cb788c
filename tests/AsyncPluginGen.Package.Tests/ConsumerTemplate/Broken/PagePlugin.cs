using AsyncPluginGen;

namespace Consumer;

// Status fetches a page through a helper: APG1001 must stop the build.
[AsyncPlugin("page")]
public sealed partial class PagePlugin(HttpClient http)
{
    public ValueTask<PageRef> CreateAsync(TaskContext task, CancellationToken ct) => new(new PageRef(task.UniqueName));

    public ValueTask<PageRef> GetAsync(PageRef meta, CancellationToken ct) => new(meta);

    public ValueTask DeleteAsync(PageRef meta, DeleteReason reason, CancellationToken ct) => default;

    public PhaseInfo Status(PageRef page) => PhaseInfo.Running(Describe(page));

    private string Describe(PageRef page) => http.GetStringAsync("https://example.invalid/" + page.Name).GetAwaiter().GetResult();
}

public sealed record PageRef(string Name);
