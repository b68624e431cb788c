using System.Text.Json;
using AsyncPluginGen.Flyte.Agent;
using AsyncPluginGen.Flyte.Tests.Infrastructure;
using AsyncPluginGen.Flyte.Tests.Plugins;
using AsyncPluginGen.Tests.Shared;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace AsyncPluginGen.Flyte.Tests.Interop;

/// <summary>
/// The agent driven by a client nobody on the project wrote: Node's @grpc/grpc-js loading Flyte's official .proto
/// files at run time. Our C# tests share generated code with the server, so a mistake in how we use the protos would
/// cancel out there; here it cannot. The client runs once (see <see cref="NodeInteropRun"/>); each test judges one
/// step of what it reported, and what the server saw.
/// </summary>
public sealed class NodeInteropTests(NodeInteropRun run) : IClassFixture<NodeInteropRun>
{
    [Fact]
    public void The_client_is_the_pinned_grpc_js_and_every_step_ran()
    {
        Assert.True(run.Result.Exit == 0 && run.Report.Failed is null, $"The Node client failed: {run.Report.Failed}\n{run.Result}");
        Assert.Equal(NodeInterop.GrpcJsVersion, run.Report.Versions.GrpcJs);
        Assert.Equal(NodeInterop.ProtoLoaderVersion, run.Report.Versions.ProtoLoader);
    }

    [Fact]
    public void ListAgents_names_echo_job_v1_async_and_quick_check_v2_sync()
    {
        var agents = run.Step(r => r.ListAgents).ToDictionary(a => a.Name);
        Assert.False(agents["EchoJobPlugin"].IsSync);
        Assert.Contains("echo_job v1", agents["EchoJobPlugin"].Categories);
        Assert.True(agents["QuickCheckPlugin"].IsSync);
        Assert.Equal(["quick_check v2"], agents["QuickCheckPlugin"].Categories);
    }

    [Fact]
    public void CreateTask_returns_a_sealed_resource_meta_and_starts_one_job_with_the_inputs()
    {
        var meta = Convert.FromBase64String(run.Step(r => r.Create).ResourceMeta);
        Assert.Equal("APGM"u8.ToArray(), meta[..4]);
        Assert.Equal(1, run.Server.Backend.Creates);
        Assert.Equal("SELECT 1", run.Server.Backend.Single().Query);
    }

    [Fact]
    public void GetTask_reports_QUEUED_then_SUCCEEDED_with_the_outputs_as_typed_literals()
    {
        var get = run.Step(r => r.Get);
        Assert.Equal("QUEUED", get.Phases[0]);
        Assert.Equal("SUCCEEDED", get.Phases[^1]);
        Assert.Equal("SUCCEEDED", get.State);
        Assert.Equal("""{"integer":"42"}""", get.Outputs["rows"].GetRawText());
        Assert.Equal("""{"string_value":"SELECT 1"}""", get.Outputs["query"].GetRawText());
        Assert.Equal(run.Server.Backend.Single().Id, get.Outputs["job_id"].GetProperty("string_value").GetString());

        // Every poll reached the plugin; the tampered GetTask after them did not.
        Assert.Equal(get.Polls, run.Server.Backend.Gets);
    }

    [Fact]
    public void DeleteTask_cancels_the_job()
    {
        Assert.True(run.Step(r => r.Delete).Ok);
        Assert.Equal(1, run.Server.Backend.Deletes);
        Assert.True(run.Server.Backend.Single().Cancelled);
    }

    [Fact]
    public void A_tampered_resource_meta_is_INVALID_ARGUMENT_saying_why()
    {
        var tampered = run.Step(r => r.Tampered);
        Assert.Equal((int)StatusCode.InvalidArgument, tampered.Code);
        Assert.Equal("INVALID_ARGUMENT", tampered.Status);
        Assert.Contains("signature", tampered.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void ExecuteTaskSync_answers_one_terminal_header_carrying_the_outputs()
    {
        var sync = run.Step(r => r.Sync);
        Assert.Equal(1, sync.Responses);
        Assert.Equal("header", sync.Kind);
        Assert.Equal("SUCCEEDED", sync.Phase);
        Assert.Equal("""{"string_value":"hello interop"}""", sync.Outputs["greeting"].GetRawText());
        Assert.Equal("""{"integer":"7"}""", sync.Outputs["length"].GetRawText());
    }

    [Fact]
    public void Health_is_SERVING_for_the_empty_name_and_the_async_service()
    {
        var health = run.Step(r => r.Health);
        Assert.Equal("SERVING", health[""]);
        Assert.Equal("SERVING", health[AgentServiceNames.AsyncAgentService]);
    }

    [Fact]
    public void The_server_saw_each_call_with_the_clients_deadline_and_the_status_the_client_got()
    {
        var get = run.Step(r => r.Get);
        const string Async = "/flyteidl.service.AsyncAgentService/";
        string[] expected =
        [
            "/flyteidl.service.AgentMetadataService/ListAgents OK",
            Async + "CreateTask OK",
            .. Enumerable.Repeat(Async + "GetTask OK", get.Polls),
            Async + "DeleteTask OK",
            Async + "GetTask InvalidArgument",
            "/flyteidl.service.SyncAgentService/ExecuteTaskSync OK",
            "/grpc.health.v1.Health/Check OK",
            "/grpc.health.v1.Health/Check OK",
        ];
        Assert.Equal(expected, run.Observer.Calls.Select(c => $"{c.Method} {c.Status}"));
        Assert.All(run.Observer.Calls, c => Assert.True(c.HadDeadline, $"{c.Method} arrived without a deadline"));
    }
}

/// <summary>A missing Node.js fails the interop test with what to install; it is never skipped.</summary>
public sealed class NodeInteropToolTests
{
    [Fact]
    public async Task A_missing_tool_fails_with_what_to_install()
    {
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(
            () => NodeInterop.RunToolAsync("node-that-is-not-installed-" + Guid.NewGuid().ToString("N"), ["--version"], TimeSpan.FromSeconds(30)));
        Assert.Contains("Install Node.js", missing.Message, StringComparison.Ordinal);
        Assert.Contains("@grpc/grpc-js", missing.Message, StringComparison.Ordinal);
    }
}

/// <summary>
/// One run of the Node client against a fresh agent: the client creates an echo_job and polls it; when the server
/// has answered the first GetTask (the job still pending), the test marks the job Done, so the client sees the task
/// go from QUEUED to SUCCEEDED without anyone sleeping.
/// </summary>
public sealed class NodeInteropRun : IAsyncLifetime
{
    private const string GetTaskMethod = "/flyteidl.service.AsyncAgentService/GetTask";

    // Covers loading the protos and the calls on a loaded 2-core machine; npm install has its own limit.
    private static readonly TimeSpan ClientLimit = TimeSpan.FromMinutes(1);

    private AgentTestServer? _server;
    private ProcessRunner.Result? _result;
    private InteropReport? _report;

    public RpcObserver Observer { get; } = new();

    public AgentTestServer Server => _server ?? throw new InvalidOperationException("The run has not started.");

    public ProcessRunner.Result Result => _result ?? throw new InvalidOperationException("The run has not ended.");

    /// <summary>The client's one JSON line; a run that printed none fails the test with everything it printed.</summary>
    public InteropReport Report => _report ?? throw new InvalidOperationException($"The Node client printed no report.\n{Result}");

    /// <summary>One step of the report; a step the client never finished fails the test with the client's error.</summary>
    public T Step<T>(Func<InteropReport, T?> step)
        where T : class =>
        step(Report) ?? throw new InvalidOperationException($"The Node client did not finish this step: {Report.Failed}\n{Result}");

    public async Task InitializeAsync()
    {
        var node = await NodeInterop.PrepareAsync();
        _server = await AgentTestServer.StartAsync(services: services => services
            .AddSingleton(Observer)
            .Configure<GrpcServiceOptions>(options => options.Interceptors.Add<RpcObserver>()));

        var client = node.RunClientAsync(_server.Address, ClientLimit);
        var firstGet = Observer.FirstAnswered(GetTaskMethod);
        if (await Task.WhenAny(firstGet, client) == firstGet)
        {
            _server.Backend.Single().State = JobState.Done;
        }

        _result = await client;
        var line = _result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        _report = line is ['{', ..] ? JsonSerializer.Deserialize<InteropReport>(line, JsonSerializerOptions.Web) : null;

        // Shown with the test run's output (dotnet test --logger "console;verbosity=detailed"), for how long this takes.
        Console.WriteLine($"Node interop: preparation (node check, npm install if cold) {NodeInterop.PreparationTime.TotalSeconds:0.0} s, client {_result.Elapsed.TotalSeconds:0.0} s.");
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

/// <summary>The Node client's report: one property per step, null when the client did not get that far.</summary>
public sealed record InteropReport(
    ClientVersions Versions,
    IReadOnlyList<ListedAgent>? ListAgents,
    CreateStep? Create,
    GetStep? Get,
    DeleteStep? Delete,
    TamperedStep? Tampered,
    SyncStep? Sync,
    IReadOnlyDictionary<string, string>? Health,
    FailedStep? Failed);

public sealed record ClientVersions(string Node, string GrpcJs, string ProtoLoader);

public sealed record ListedAgent(string Name, bool IsSync, IReadOnlyList<string> Categories);

public sealed record CreateStep(string ResourceMeta, int Bytes);

/// <summary>The GetTask polls; <see cref="Outputs"/> maps each output name to its primitive, e.g. {"integer":"42"}.</summary>
public sealed record GetStep(int Polls, IReadOnlyList<string> Phases, string? State, string? Message, IReadOnlyDictionary<string, JsonElement> Outputs);

public sealed record DeleteStep(bool Ok);

public sealed record TamperedStep(int Code, string? Status, string? Details);

/// <summary>The ExecuteTaskSync responses: how many, which oneof the first set, its phase and outputs.</summary>
public sealed record SyncStep(int Responses, string? Kind, string? Phase, IReadOnlyDictionary<string, JsonElement> Outputs);

public sealed record FailedStep(string Step, int? Code, string? Details, string Message)
{
    public override string ToString() => $"{Step} failed (gRPC code {Code}: {Details})\n{Message}";
}
