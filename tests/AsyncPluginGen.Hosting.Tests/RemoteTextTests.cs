using System.Collections.Concurrent;
using System.Diagnostics;
using AsyncPluginGen.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Hosting.Tests;

/// <summary>Remote text is bounded, and a task's secrets redacted, in phases, results, logs and spans.</summary>
public sealed class RemoteTextTests
{
    private const string Marker = "more characters)";

    [Fact]
    public async Task HugeRemoteError_IsCutInThePhase_TheLog_AndTheSpan()
    {
        var logs = new CapturingLoggerProvider();
        using var spans = new StatusListener();
        await using var h = new HostHarness(s => s.Logging = LoggerFactory.Create(b => b.AddProvider(logs)));
        var huge = new string('x', 5_000_000);
        h.Script("a").CreateAlwaysThrows = () => new InvalidOperationException("the response could not be read: " + huge);
        h.Options.DeleteRetries = new RetryPolicy { MaxAttempts = 1 };

        var result = await h.CompletionAsync(h.Submit("a"));

        var message = result.Phase.Error!.Value.Message;
        Assert.InRange(message.Length, 1, 4_096);
        Assert.Contains(Marker, message, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Messages);
        Assert.All(logs.Messages, m => Assert.InRange(m.Length, 0, 8_192));
        Assert.NotEmpty(spans.Descriptions);
        Assert.All(spans.Descriptions, d => Assert.InRange(d.Length, 0, 1_024 + 64));
    }

    [Fact]
    public async Task SecretsOfTheTask_AreRedactedEverywhere_ShortValuesAreNot()
    {
        var logs = new CapturingLoggerProvider();
        using var spans = new StatusListener();
        await using var h = new HostHarness(s => s.Logging = LoggerFactory.Create(b => b.AddProvider(logs)));
        var task = h.NewTask("a");
        var context = new TaskContext(task.TaskType, task.ExecutionId) { Secrets = new DictionarySecretProvider(new Dictionary<string, string> { ["token"] = "tok-from-provider-42" }) };
        _ = await context.Secrets.GetSecretAsync("token"); // as the plugin does
        context.MarkSecret("oauth-minted-by-plugin");
        h.Script("a").CreateAlwaysThrows = () => new ArgumentException("401 for tok-from-provider-42 and oauth-minted-by-plugin (id 7)");

        var result = await h.CompletionAsync(h.Host.Submit(context));

        var message = result.Phase.Error!.Value.Message;
        Assert.DoesNotContain("tok-from-provider-42", message, StringComparison.Ordinal);
        Assert.DoesNotContain("oauth-minted-by-plugin", message, StringComparison.Ordinal);
        Assert.Contains("401 for *** and *** (id 7)", message, StringComparison.Ordinal);
        Assert.All(logs.Messages, m => Assert.DoesNotContain("tok-from-provider-42", m, StringComparison.Ordinal));
        Assert.All(spans.Descriptions, d => Assert.DoesNotContain("oauth-minted-by-plugin", d, StringComparison.Ordinal));
    }

    [Fact]
    public void Bound_ReturnsShortTextAsItIs_AndNeverSplitsASurrogatePair()
    {
        const string Short = "fine";
        Assert.Same(Short, RemoteText.Bound(Short, 64));

        var text = new string('a', 63) + "\U0001F600" + new string('b', 100);
        var cut = RemoteText.Bound(text, 64);

        Assert.StartsWith(new string('a', 63) + "…", cut, StringComparison.Ordinal);
        Assert.EndsWith("(102 more characters)", cut, StringComparison.Ordinal);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Messages);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception) + " | " + exception?.ToString());
        }
    }

    private sealed class StatusListener : IDisposable
    {
        private readonly ActivityListener _listener;

        public StatusListener()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "AsyncPluginGen.Host",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.StatusDescription is { } description)
                    {
                        Descriptions.Enqueue(description);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public ConcurrentQueue<string> Descriptions { get; } = new();

        public void Dispose() => _listener.Dispose();
    }
}
