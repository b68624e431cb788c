using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>APG0003–APG0006: the handlers.</summary>
public sealed class HandlerTests
{
    private const string CreateShapes = "Create/CreateAsync(TaskContext task[, CancellationToken cancellationToken]) returning TMeta or Created<TMeta, TResource>, directly or as Task<>/ValueTask<>";
    private const string GetShapes = "Get/GetAsync(TMeta meta[, CancellationToken cancellationToken]) returning TResource, directly or as Task<>/ValueTask<>";
    private const string DeleteShapes = "Delete/DeleteAsync(TMeta meta[, DeleteReason reason][, CancellationToken cancellationToken]) returning void, Task or ValueTask";

    [Fact]
    public Task Missing_create_is_reported_with_an_example() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Get + Plugin.Delete),
        Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0)
            .WithArguments("P", "Create", "public async ValueTask<Created<TMeta, TResource>> CreateAsync(TaskContext task, CancellationToken cancellationToken)", ""));

    [Fact]
    public Task Missing_get_is_reported_with_the_meta_type() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Create + Plugin.Delete),
        Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0)
            .WithArguments("P", "Get", "public async ValueTask<TResource> GetAsync(Meta meta, CancellationToken cancellationToken)", ""));

    [Fact]
    public Task Missing_do_of_a_sync_plugin_is_reported() => Verify.VerifyAsync(
        Plugin.Source(attributes: "[SyncPlugin(\"s\")]", members: ""),
        Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0)
            .WithArguments("P", "Do", "public async ValueTask<PhaseInfo> DoAsync(TaskContext task, CancellationToken cancellationToken)", ""));

    [Fact]
    public Task Missing_delete_is_a_warning_naming_the_leak() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Create + Plugin.Get),
        Verify.Diagnostic(Descriptors.MissingDelete).WithLocation(0)
            .WithArguments("P", "public async ValueTask DeleteAsync(Meta meta, DeleteReason reason, CancellationToken cancellationToken)", ""));

    [Theory]
    [InlineData("    public Meta Create(TaskContext task) => new(task.UniqueName);\n    public Res Get(Meta meta) => new(State.Done, null);\n    public void Delete(Meta meta) { }\n")]
    [InlineData("    public static Task<Meta> CreateAsync(TaskContext task) => Task.FromResult(new Meta(\"x\"));\n    public static Task<Res> GetAsync(Meta meta, CancellationToken ct) => Task.FromResult(new Res(State.Done, null));\n    public static Task DeleteAsync(Meta meta, CancellationToken ct) => Task.CompletedTask;\n")]
    [InlineData("    public ValueTask<Created<Meta, Res>> CreateAsync(TaskContext task, CancellationToken ct) => new(Created.With(new Meta(\"x\"), new Res(State.Pending, null)));\n    public Res Get(Meta meta) => new(State.Done, null);\n    public Task Delete(Meta meta, DeleteReason reason) => Task.CompletedTask;\n")]
    public Task Every_accepted_handler_shape_is_valid(string members) => Verify.VerifyAsync(Plugin.Source(members: members));

    [Fact]
    public Task Create_with_wrong_parameters_is_reported_with_the_accepted_shapes() => Verify.VerifyAsync(
        Plugin.Source(members: "    public Meta {|#1:Create|}(string sql) => new(sql);\n" + Plugin.Get + Plugin.Delete),
        Verify.Diagnostic(Descriptors.UnusableHandlerSignature).WithLocation(1)
            .WithArguments("Create", "Create", "P", "its parameters must be (TaskContext task) or (TaskContext task, CancellationToken cancellationToken)", CreateShapes));

    [Fact]
    public Task Create_returning_nothing_is_reported() => Verify.VerifyAsync(
        Plugin.Source(members: "    public Task {|#1:CreateAsync|}(TaskContext task) => Task.CompletedTask;\n" + Plugin.Get + Plugin.Delete),
        Verify.Diagnostic(Descriptors.UnusableHandlerSignature).WithLocation(1)
            .WithArguments("CreateAsync", "Create", "P", "it returns nothing; return the ResourceMeta that identifies the remote job, or Created<TMeta, TResource>", CreateShapes));

    [Fact]
    public Task Get_taking_another_type_than_the_meta_is_reported() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Create + "    public Res {|#1:Get|}(string id) => new(State.Done, null);\n" + Plugin.Delete),
        Verify.Diagnostic(Descriptors.UnusableHandlerSignature).WithLocation(1)
            .WithArguments("Get", "Get", "P", "its first parameter is 'string', but Create returns ResourceMeta 'Meta'", GetShapes));

    [Fact]
    public Task Get_returning_nothing_is_reported() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Create + "    public void {|#1:Get|}(Meta meta) { }\n" + Plugin.Delete),
        Verify.Diagnostic(Descriptors.UnusableHandlerSignature).WithLocation(1)
            .WithArguments("Get", "Get", "P", "it returns nothing; return the resource that describes the remote job's state", GetShapes));

    [Fact]
    public Task Get_resource_that_disagrees_with_created_is_reported() => Verify.VerifyAsync(
        Plugin.Source(
            members: "    public Created<Meta, Res> Create(TaskContext task) => new(new Meta(\"x\"));\n    public string {|#1:Get|}(Meta meta) => \"done\";\n" + Plugin.Delete),
        Verify.Diagnostic(Descriptors.UnusableHandlerSignature).WithLocation(1)
            .WithArguments("Get", "Get", "P", "it returns 'string' but Create returns Created<Meta, Res>; both must use the same resource type", GetShapes));

    [Fact]
    public Task Delete_with_parameters_in_the_wrong_order_is_reported() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Create + Plugin.Get + "    public void {|#1:Delete|}(Meta meta, CancellationToken ct, DeleteReason reason) { }\n"),
        Verify.Diagnostic(Descriptors.UnusableHandlerSignature).WithLocation(1)
            .WithArguments("Delete", "Delete", "P", "after the meta it may only take a DeleteReason and then a CancellationToken, in that order", DeleteShapes));

    [Fact]
    public Task Delete_returning_a_value_is_reported() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Create + Plugin.Get + "    public bool {|#1:Delete|}(Meta meta) => true;\n"),
        Verify.Diagnostic(Descriptors.UnusableHandlerSignature).WithLocation(1)
            .WithArguments("Delete", "Delete", "P", "it must return void, Task or ValueTask", DeleteShapes));

    [Fact]
    public Task Two_usable_creates_are_ambiguous() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Handlers + "    public Meta Create(TaskContext task) => new(\"y\");\n"),
        Verify.Diagnostic(Descriptors.AmbiguousHandlers).WithLocation(0)
            .WithArguments("P", 2, "Create", "CreateAsync(TaskContext, CancellationToken), Create(TaskContext)"));

    [Fact]
    public Task Generic_handler_is_reported() => Verify.VerifyAsync(
        Plugin.Source(members: "    public Meta {|#1:Create|}<T>(TaskContext task) => new(\"x\");\n" + Plugin.Get + Plugin.Delete),
        Verify.Diagnostic(Descriptors.UnusableHandlerSignature).WithLocation(1).WithArguments("Create", "Create", "P", "it is generic", CreateShapes));

    [Fact]
    public Task Resource_requirements_with_a_wrong_signature_are_reported() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Handlers + "    public string {|#1:GetResourceRequirements|}() => \"x\";\n"),
        Verify.Diagnostic(Descriptors.UnusableHandlerSignature).WithLocation(1)
            .WithArguments("GetResourceRequirements", "GetResourceRequirements", "P", "it must take one TaskContext and return ResourceRequirements", "ResourceRequirements GetResourceRequirements(TaskContext task)"));

    [Fact]
    public Task Resource_requirements_handler_is_fine() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Handlers + "    public ResourceRequirements GetResourceRequirements(TaskContext task) => ResourceRequirements.Default;\n"));

    [Fact]
    public Task Sync_plugin_do_returning_the_wrong_type_is_reported() => Verify.VerifyAsync(
        Plugin.Source(attributes: "[SyncPlugin(\"s\")]", members: "    public string {|#1:Do|}(TaskContext task) => \"done\";\n"),
        Verify.Diagnostic(Descriptors.UnusableHandlerSignature).WithLocation(1)
            .WithArguments("Do", "Do", "P", "it must return PhaseInfo, Task<PhaseInfo> or ValueTask<PhaseInfo>",
                "Do/DoAsync(TaskContext task[, CancellationToken cancellationToken]) returning PhaseInfo, directly or as Task<>/ValueTask<>"));

    [Fact]
    public Task Network_calls_in_handlers_are_not_authoring_problems() => Verify.VerifyAsync(
        Plugin.Source(
            declaration: "public sealed partial class P(System.Net.Http.HttpClient http)",
            members: """
                public async ValueTask<Meta> CreateAsync(TaskContext task, CancellationToken ct) => new(await http.GetStringAsync("https://example.invalid/", ct));
                public async ValueTask<Res> GetAsync(Meta meta, CancellationToken ct) { await http.GetAsync("https://example.invalid/" + meta.Id, ct); return new(State.Done, null); }
                public async ValueTask DeleteAsync(Meta meta, DeleteReason reason, CancellationToken ct) => await http.DeleteAsync("https://example.invalid/" + meta.Id, ct);

            """));
}
