using AsyncPluginGen.Benchmarks.Infrastructure;
using AsyncPluginGen.Hosting;
using BenchmarkDotNet.Attributes;

namespace AsyncPluginGen.Benchmarks.Host;

/// <summary>
/// Group 5, durable tasks: what a task store costs the host. Each benchmark runs the same host with the in-memory store
/// (the baseline: the journal, its snapshots and group commit, no I/O) and with the SQLite store (a file in the temp
/// directory, WAL, synchronous FULL), and with no store at all for reference. An operation ends when its writes are
/// durable, not when they are queued.
/// <list type="bullet">
/// <item><c>Start*</c>: submit <see cref="Tasks"/> new tasks and drive them until every one runs: one row written ahead
/// of each Create, then its meta and phase.</item>
/// <item><c>Poll*</c>: one poll cycle in which every task's phase changes (Pending ↔ Running), so every task is written:
/// Time/task is the cost of one transition, and its inverse the transitions per second.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
public class HostStoreBenchmarks
{
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(5);
    private static readonly string[] FlipType = ["host_bench_flip"];

    private HostHarness? _host;
    private CountingStore? _store;
    private string? _directory;
    private int _round;
    private int _cycle;

    [ParamsSource(nameof(Sizes))]
    public int Tasks { get; set; }

    public static IEnumerable<int> Sizes => BenchmarkMode.Pick([1_000], [1_000]);

    [GlobalSetup(Target = nameof(StartNoStore))]
    public void SetupStartNoStore() => Setup(null, polling: false);

    [GlobalSetup(Target = nameof(StartInMemory))]
    public void SetupStartInMemory() => Setup(new InMemoryTaskStore(), polling: false);

    [GlobalSetup(Target = nameof(StartSqlite))]
    public void SetupStartSqlite() => Setup(Sqlite(), polling: false);

    [GlobalSetup(Target = nameof(StartSqliteNormal))]
    public void SetupStartSqliteNormal() => Setup(Sqlite(SqliteSynchronous.Normal), polling: false);

    [GlobalSetup(Target = nameof(PollNoStore))]
    public void SetupPollNoStore() => Setup(null, polling: true);

    [GlobalSetup(Target = nameof(PollInMemory))]
    public void SetupPollInMemory() => Setup(new InMemoryTaskStore(), polling: true);

    [GlobalSetup(Target = nameof(PollSqlite))]
    public void SetupPollSqlite() => Setup(Sqlite(), polling: true);

    [GlobalSetup(Target = nameof(PollSqliteNormal))]
    public void SetupPollSqliteNormal() => Setup(Sqlite(SqliteSynchronous.Normal), polling: true);

    [GlobalCleanup]
    public void Cleanup()
    {
        _host?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Benchmark]
    public void StartNoStore() => Start();

    [Benchmark(Baseline = true)]
    public void StartInMemory() => Start();

    [Benchmark]
    public void StartSqlite() => Start();

    /// <summary>SQLite with <c>synchronous=NORMAL</c>: the commit is written to the log but not flushed, which isolates the flush's cost.</summary>
    [Benchmark]
    public void StartSqliteNormal() => Start();

    [Benchmark]
    public void PollNoStore() => Poll();

    [Benchmark]
    public void PollInMemory() => Poll();

    [Benchmark]
    public void PollSqlite() => Poll();

    [Benchmark]
    public void PollSqliteNormal() => Poll();

    private SqliteTaskStore Sqlite(SqliteSynchronous synchronous = SqliteSynchronous.Full)
    {
        _directory = Directory.CreateTempSubdirectory("asyncplugin-bench-").FullName;
        return new SqliteTaskStore(new SqliteTaskStoreOptions { Path = Path.Combine(_directory, "tasks.db"), Synchronous = synchronous });
    }

    /// <summary>Start's host keeps the plugins' hour-long resync (its clock moves a tick per operation, so nothing is polled); Poll's resyncs every 5 s.</summary>
    private void Setup(ITaskStore? store, bool polling)
    {
        _store = store is null ? null : new CountingStore(store);
        _host = new HostHarness(polling ? Resync : null, _store);
        _cycle = 0;
        if (polling)
        {
            // The polled population: Tasks flipping tasks, created once, all Running.
            _host.SubmitAndDrive(HostTasks.Create(Tasks, "polled", FlipType));
            _store?.AwaitRows(Tasks);
        }
    }

    private void Start()
    {
        // One tick refills the write limiter (10,000 per plugin), so every operation starts with a full burst.
        _host!.Clock.Advance(TimeSpan.FromMilliseconds(100));
        var metaRows = _store?.MetaRows ?? 0;
        _host!.SubmitAndDrive(HostTasks.Create(Tasks, "start" + Interlocked.Increment(ref _round), HostTasks.TaskTypes));

        // A start's writes: the row ahead of the Create (durable before SubmitAndDrive sees the Create), then the meta
        // and phase the Create returned, written once in a later batch. The operation ends when those are durable too,
        // so that no write of this operation is left to run inside the next one.
        _store?.AwaitMetaRows(metaRows + Tasks);
    }

    private void Poll()
    {
        var rows = _store?.Rows ?? 0;
        // Odd cycles report Pending, even ones Running: the population starts Running, so every cycle changes every task.
        HostBenchFlipPlugin.Flip = ++_cycle % 2 == 1;
        HostCalls.AwaitGets(Tasks, () => _host!.Clock.Advance(Resync));
        _store?.AwaitRows(rows + Tasks);
    }
}
