using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Flyteidl.Admin;
using Flyteidl.Core;
using Flyteidl.Service;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace AsyncPluginGen.Samples.Tests.FlyteAgent;

/// <summary>
/// The sample agent as an operator runs it: a process on its own ports, keys from the environment, fake services
/// started because no service URL was given, Prometheus metrics under flytekit's names, and a clean exit on SIGTERM.
/// </summary>
public sealed partial class SampleAgentProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Serves_the_samples_exports_metrics_and_drains_on_SIGTERM()
    {
        var metricsPort = FreePort();
        using var process = Start("--port", "0", "--metrics-port", metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var output = new List<string>();
        var serving = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                serving.TrySetException(new InvalidOperationException("The agent exited before it served: " + string.Join('\n', output)));
                return;
            }

            lock (output)
            {
                output.Add(e.Data);
            }

            if (ServingLine().Match(e.Data) is { Success: true } match)
            {
                serving.TrySetResult(int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var port = await serving.Task.WaitAsync(Patience);
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");

            var agents = await new AgentMetadataService.AgentMetadataServiceClient(channel).ListAgentsAsync(new ListAgentsRequest());
            Assert.Equal(4, agents.Agents.Count);
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest())).Status);

            var created = await new AsyncAgentService.AsyncAgentServiceClient(channel).CreateTaskAsync(new CreateTaskRequest
            {
                Template = new TaskTemplate { Type = "warehouse_query", TaskTypeVersion = 1 },
                Inputs = new LiteralMap { Literals = { ["query"] = new Literal { Scalar = new Scalar { Primitive = new Primitive { StringValue = "SELECT 1" } } } } },
                TaskExecutionMetadata = new TaskExecutionMetadata
                {
                    TaskExecutionId = new TaskExecutionIdentifier
                    {
                        NodeExecutionId = new NodeExecutionIdentifier { NodeId = "n0", ExecutionId = new WorkflowExecutionIdentifier { Project = "p", Domain = "d", Name = "e1" } },
                    },
                },
            });
            Assert.NotEmpty(created.ResourceMeta);

            using var http = new HttpClient();
            var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
            Assert.Contains("flyte_connector_requests_success_total{", metrics);
            Assert.Contains("task_type=\"warehouse_query\"", metrics);
            Assert.Contains("flyte_connector_request_latency_seconds_bucket{", metrics);

            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(Patience);
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{string.Join('\n', output)}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "AsyncPluginGen.FlyteAgent.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["FlyteAgent__ResourceMeta__ActiveKeyId"] = "k1";
        start.Environment["FlyteAgent__ResourceMeta__Keys__k1"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray());
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^Flyte agent serving the sample plugins at http://[^:]+:(?<port>\d+)/")]
    private static partial Regex ServingLine();
}
