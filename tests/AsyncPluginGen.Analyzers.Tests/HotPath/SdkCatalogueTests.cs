using static AsyncPluginGen.Analyzers.Tests.HotPath.HotPathSources;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>
/// APG1001 for RPC, cloud SDK and database clients. The packages are not referenced by the tests, so minimal stubs
/// with the real metadata names are declared in the test sources.
/// </summary>
public sealed class SdkCatalogueTests
{
    private const string Dapper = """
        namespace Dapper
        {
            public static class SqlMapper
            {
                public static IEnumerable<T> Query<T>(this System.Data.IDbConnection connection, string sql) => throw new NotSupportedException();
            }
        }

        """;

    private const string Connections = """
        namespace Microsoft.Data.Sqlite
        {
            public sealed class SqliteConnection : Contoso.Data.StubConnection { }
        }

        namespace Contoso.Data
        {
            public sealed class RemoteConnection : StubConnection { }

            public abstract class StubConnection : System.Data.Common.DbConnection
            {
                [System.Diagnostics.CodeAnalysis.AllowNull]
                public override string ConnectionString { get; set; } = "";
                public override string Database => "main";
                public override string DataSource => "file";
                public override string ServerVersion => "3";
                public override System.Data.ConnectionState State => System.Data.ConnectionState.Open;
                public override void ChangeDatabase(string databaseName) { }
                public override void Close() { }
                public override void Open() { }
                protected override System.Data.Common.DbTransaction BeginDbTransaction(System.Data.IsolationLevel isolationLevel) => throw new NotSupportedException();
                protected override System.Data.Common.DbCommand CreateDbCommand() => throw new NotSupportedException();
            }
        }

        """;

    [Fact]
    public Task Grpc_call_invoker_and_generated_client_methods_are_reported()
    {
        var source = Plugin(
            """
                private readonly Jobs.V1.JobService.JobServiceClient _jobs = null!;
                private readonly Grpc.Core.CallInvoker _invoker = null!;

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_jobs.GetJob(r.State)|};
                    _ = {|#1:_invoker.BlockingUnaryCall<string, string>("GetJob", r.State)|};
                    return default;
                }
            """,
            """
            namespace Grpc.Core
            {
                public abstract class CallInvoker
                {
                    public abstract TResponse BlockingUnaryCall<TRequest, TResponse>(string method, TRequest request)
                        where TRequest : class
                        where TResponse : class;
                }

                public abstract class ClientBase
                {
                    protected ClientBase(CallInvoker callInvoker) => CallInvoker = callInvoker;
                    protected CallInvoker CallInvoker { get; }
                }

                public abstract class ClientBase<T> : ClientBase where T : ClientBase<T>
                {
                    protected ClientBase(CallInvoker callInvoker) : base(callInvoker) { }
                }
            }

            namespace Jobs.V1
            {
                public static class JobService
                {
                    public sealed class JobServiceClient : Grpc.Core.ClientBase<JobServiceClient>
                    {
                        public JobServiceClient(Grpc.Core.CallInvoker callInvoker) : base(callInvoker) { }
                        public string GetJob(string request) => CallInvoker.BlockingUnaryCall<string, string>("GetJob", request);
                    }
                }
            }
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "JobServiceClient.GetJob", "gRPC call"),
            Network(1, "CallInvoker.BlockingUnaryCall", "gRPC call"));
    }

    [Fact]
    public Task Azure_methods_returning_Response_are_reported_and_plain_properties_are_not()
    {
        var source = Plugin(
            """
                private readonly Azure.Storage.Blobs.BlobClient _blob = new Azure.Storage.Blobs.BlobClient();

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_blob.DownloadContent()|};
                    _ = {|#1:_blob.DownloadContentAsync()|};
                    _ = _blob.Name;
                    return default;
                }
            """,
            """
            namespace Azure
            {
                public abstract class Response<T>
                {
                    public abstract T Value { get; }
                }
            }

            namespace Azure.Storage.Blobs
            {
                public class BlobClient
                {
                    public virtual string Name => "blob";
                    public virtual Azure.Response<string> DownloadContent() => throw new NotSupportedException();
                    public virtual Task<Azure.Response<string>> DownloadContentAsync() => throw new NotSupportedException();
                }
            }
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "BlobClient.DownloadContent", "Azure SDK call"),
            Network(1, "BlobClient.DownloadContentAsync", "Azure SDK call"));
    }

    [Fact]
    public Task Aws_service_client_async_methods_are_reported_on_the_interface_and_the_class()
    {
        var source = Plugin(
            """
                private readonly Amazon.S3.IAmazonS3 _s3 = new Amazon.S3.AmazonS3Client();
                private readonly Amazon.S3.AmazonS3Client _concrete = new Amazon.S3.AmazonS3Client();

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_s3.GetObjectAsync("jobs", r.State)|};
                    _ = {|#1:_concrete.GetObjectAsync("jobs", r.State)|};
                    return default;
                }
            """,
            """
            namespace Amazon.Runtime
            {
                public interface IAmazonService { }
                public abstract class AmazonServiceClient : IAmazonService { }
            }

            namespace Amazon.S3
            {
                public interface IAmazonS3 : Amazon.Runtime.IAmazonService
                {
                    Task<string> GetObjectAsync(string bucket, string key);
                }

                public sealed class AmazonS3Client : Amazon.Runtime.AmazonServiceClient, IAmazonS3
                {
                    public Task<string> GetObjectAsync(string bucket, string key) => Task.FromResult(key);
                }
            }
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "IAmazonS3.GetObjectAsync", "AWS SDK call"),
            Network(1, "AmazonS3Client.GetObjectAsync", "AWS SDK call"));
    }

    [Fact]
    public Task Ado_net_command_Dapper_and_EF_Core_calls_are_database_round_trips()
    {
        var source = Plugin(
            """
                private readonly System.Data.Common.DbCommand _command = null!;
                private readonly System.Data.IDbConnection _connection = null!;
                private readonly JobsContext _context = new JobsContext();

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_command.ExecuteScalar()|};
                    _ = {|#1:_connection.Query<R>("select 1")|};
                    _ = {|#2:_context.SaveChanges()|};
                    return default;
                }
            """,
            Dapper + """
            namespace Microsoft.EntityFrameworkCore
            {
                public class DbContext
                {
                    public virtual int SaveChanges() => 0;
                }
            }

            public sealed class JobsContext : Microsoft.EntityFrameworkCore.DbContext { }
            """);

        return Verify.VerifyAsync(
            source.Replace("using AsyncPluginGen;", "using AsyncPluginGen;\nusing Dapper;", StringComparison.Ordinal),
            Network(0, "DbCommand.ExecuteScalar", "database round-trip"),
            Network(1, "SqlMapper.Query", "database round-trip"),
            Network(2, "DbContext.SaveChanges", "database round-trip"));
    }

    [Fact]
    public Task Redis_database_commands_are_reported()
    {
        var source = Plugin(
            """
                private readonly StackExchange.Redis.IDatabase _redis = null!;

                public PhaseInfo Status(R r)
                {
                    _ = {|#0:_redis.StringGet(r.State)|};
                    _ = {|#1:_redis.StringGetAsync(r.State)|};
                    return default;
                }
            """,
            """
            namespace StackExchange.Redis
            {
                public interface IDatabaseAsync
                {
                    Task<string> StringGetAsync(string key);
                }

                public interface IDatabase : IDatabaseAsync
                {
                    string StringGet(string key);
                }
            }
            """);

        return Verify.VerifyAsync(
            source,
            Network(0, "IDatabase.StringGet", "Redis command"),
            Network(1, "IDatabaseAsync.StringGetAsync", "Redis command"));
    }

    private static string SqliteSource() => Plugin(
        """
            private readonly Microsoft.Data.Sqlite.SqliteConnection _sqlite = new Microsoft.Data.Sqlite.SqliteConnection();
            private readonly Contoso.Data.RemoteConnection _remote = new Contoso.Data.RemoteConnection();

            public PhaseInfo Status(R r)
            {
                {|#0:_sqlite.Open()|};
                _ = {|#1:_sqlite.Query<R>("select 1")|};
                {|#2:_remote.Open()|};
                return default;
            }
        """,
        Dapper + Connections).Replace("using AsyncPluginGen;", "using AsyncPluginGen;\nusing Dapper;", StringComparison.Ordinal);

    [Fact]
    public Task SQLite_is_a_database_round_trip_by_default()
    {
        return Verify.VerifyAsync(
            [SqliteSource()],
            null,
            Network(0, "StubConnection.Open", "database round-trip"),
            Network(1, "SqlMapper.Query", "database round-trip"),
            Network(2, "StubConnection.Open", "database round-trip"));
    }

    [Fact]
    public Task SQLite_can_be_declared_in_process()
    {
        return Verify.VerifyAsync(
            [SqliteSource()],
            "asyncplugingen.status.in_process_databases = sqlite",
            Network(2, "StubConnection.Open", "database round-trip"));
    }
}
