using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// The APIs that reach the network, resolved once per compilation (a type the compilation does not reference simply
/// never matches). A call matches when the method's declaring type, the receiver's type, or an extension method's
/// <c>this</c> argument is or derives from a catalogued type and the member name is one that does I/O: matching the
/// receiver catches <c>new</c> members and inherited ones that a ban on the base member would miss.
/// </summary>
internal sealed class NetworkCatalogue
{
    private const string Sockets = "socket I/O";
    private const string Http = "HTTP request";
    private const string Database = "database round-trip";
    private const string Tls = "TLS stream I/O";

    private static readonly string[] AzureNamespace = { "Azure" };
    private static readonly string[] SystemData = { "System", "Data" };
    private static readonly string[] MicrosoftSqlite = { "Microsoft", "Data", "Sqlite" };
    private static readonly string[] SystemSqlite = { "System", "Data", "SQLite" };
    private static readonly NameMatcher StreamIo = NameMatcher.Prefixes("Read", "Write", "CopyTo", "Flush", "BeginRead", "BeginWrite", "EndRead", "EndWrite");

    private readonly Dictionary<INamedTypeSymbol, List<Entry>> _byType = new(SymbolEqualityComparer.Default);
    private readonly INamedTypeSymbol? _tcpClient;
    private readonly INamedTypeSymbol? _udpClient;
    private readonly INamedTypeSymbol? _fileWebRequest;
    private readonly INamedTypeSymbol? _grpcClientBase;
    private readonly INamedTypeSymbol? _grpcClientBaseOfT;
    private readonly INamedTypeSymbol? _taskOfT;
    private readonly INamedTypeSymbol? _valueTaskOfT;
    private readonly INamedTypeSymbol?[] _azureResults;
    private readonly INamedTypeSymbol?[] _clientModelResults;
    private readonly bool _hasAzure;
    private readonly bool _hasClientModel;

    private NetworkCatalogue(Compilation compilation)
    {
        void Add(string metadataName, NameMatcher names, string description, bool isDatabase = false)
        {
            if (compilation.GetTypeByMetadataName(metadataName) is { } type)
            {
                if (!_byType.TryGetValue(type, out var entries))
                {
                    _byType[type] = entries = new List<Entry>(1);
                }

                entries.Add(new Entry(names, description, isDatabase, isExtensionContainer: type.IsStatic));
            }
        }

        // Tier A: the BCL.
        Add("System.Net.Sockets.Socket", NameMatcher.Prefixes("Connect", "Accept", "Send", "Receive", "Disconnect", "Poll", "Select"), Sockets);
        Add("System.Net.Sockets.TcpClient", NameMatcher.Prefixes("Connect"), Sockets);
        Add("System.Net.Sockets.TcpListener", NameMatcher.Prefixes("Accept"), Sockets);
        Add("System.Net.Sockets.UdpClient", NameMatcher.Prefixes("Connect", "Send", "Receive"), Sockets);
        Add("System.Net.Sockets.NetworkStream", StreamIo, Sockets);
        Add("System.Net.Sockets.SocketTaskExtensions", NameMatcher.All, Sockets);
        Add("System.Net.Dns", NameMatcher.AllExcept("GetHostName"), "DNS lookup");
        Add("System.Net.Http.HttpMessageInvoker", NameMatcher.Exactly("Send", "SendAsync"), Http);
        Add("System.Net.Http.HttpClient", NameMatcher.Exactly("Send", "SendAsync", "GetAsync", "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync"), Http);
        Add("System.Net.Http.HttpMessageHandler", NameMatcher.Exactly("Send", "SendAsync"), Http);
        Add("System.Net.Http.HttpContent", NameMatcher.Prefixes("ReadAs", "CopyTo", "LoadIntoBuffer"), Http);
        Add("System.Net.Http.Json.HttpClientJsonExtensions", NameMatcher.All, Http);
        Add("System.Net.Http.Json.HttpContentJsonExtensions", NameMatcher.All, Http);
        Add("System.Net.WebRequest", NameMatcher.Prefixes("GetResponse", "GetRequestStream", "BeginGetResponse", "BeginGetRequestStream", "EndGetResponse", "EndGetRequestStream"), Http);
        Add("System.Net.WebClient", NameMatcher.Prefixes("Download", "Upload", "Open"), Http);
        Add("System.Net.HttpListener", NameMatcher.Prefixes("GetContext", "BeginGetContext", "EndGetContext"), Http);
        Add("System.Net.WebSockets.ClientWebSocket", NameMatcher.Prefixes("Connect"), "WebSocket");
        Add("System.Net.WebSockets.WebSocket", NameMatcher.Prefixes("Send", "Receive", "Close"), "WebSocket");
        Add("System.Net.Quic.QuicConnection", NameMatcher.Suffix("Async"), "QUIC");
        Add("System.Net.Quic.QuicListener", NameMatcher.Suffix("Async"), "QUIC");
        Add("System.Net.Quic.QuicStream", StreamIo, "QUIC");
        Add("System.Net.Mail.SmtpClient", NameMatcher.Prefixes("Send"), "SMTP");
        Add("System.Net.NetworkInformation.Ping", NameMatcher.Prefixes("Send"), "ping");
        var secureStream = NameMatcher.Prefixes("AuthenticateAs", "BeginAuthenticateAs", "EndAuthenticateAs", "Read", "Write", "CopyTo", "Flush", "Shutdown", "BeginRead", "BeginWrite", "EndRead", "EndWrite", "Negotiate");
        Add("System.Net.Security.SslStream", secureStream, Tls);
        Add("System.Net.Security.NegotiateStream", secureStream, Tls);

        // Tier B: RPC and cloud SDKs.
        Add("Grpc.Core.CallInvoker", NameMatcher.Exactly("BlockingUnaryCall", "AsyncUnaryCall", "AsyncServerStreamingCall", "AsyncClientStreamingCall", "AsyncDuplexStreamingCall"), "gRPC call");
        Add("Grpc.Core.ChannelBase", NameMatcher.Exactly("ConnectAsync"), "gRPC call");
        Add("Grpc.Net.Client.GrpcChannel", NameMatcher.Exactly("ConnectAsync"), "gRPC call");
        Add("Azure.Core.Pipeline.HttpPipeline", NameMatcher.Prefixes("Send"), "Azure SDK call");
        Add("System.ClientModel.Primitives.ClientPipeline", NameMatcher.Prefixes("Send"), Http);
        Add("Amazon.Runtime.AmazonServiceClient", NameMatcher.Suffix("Async"), "AWS SDK call");
        Add("Amazon.Runtime.IAmazonService", NameMatcher.Suffix("Async"), "AWS SDK call");

        // Tier C: databases (SQLite can be declared in-process).
        Add("System.Data.Common.DbConnection", NameMatcher.Prefixes("Open", "BeginTransaction", "BeginDbTransaction", "ChangeDatabase"), Database, isDatabase: true);
        Add("System.Data.Common.DbCommand", NameMatcher.Prefixes("Execute", "Prepare"), Database, isDatabase: true);
        Add("System.Data.Common.DbDataReader", NameMatcher.Prefixes("Read", "NextResult"), Database, isDatabase: true);
        Add("System.Data.Common.DbTransaction", NameMatcher.Prefixes("Commit", "Rollback", "Save", "Release"), Database, isDatabase: true);
        Add("System.Data.Common.DbBatch", NameMatcher.Prefixes("Execute", "Prepare"), Database, isDatabase: true);
        Add("System.Data.IDbConnection", NameMatcher.Prefixes("Open", "BeginTransaction", "ChangeDatabase"), Database, isDatabase: true);
        Add("System.Data.IDbCommand", NameMatcher.Prefixes("Execute", "Prepare"), Database, isDatabase: true);
        Add("System.Data.IDataReader", NameMatcher.Prefixes("Read", "NextResult"), Database, isDatabase: true);
        Add("System.Data.IDbTransaction", NameMatcher.Prefixes("Commit", "Rollback"), Database, isDatabase: true);
        Add("Microsoft.EntityFrameworkCore.DbContext", NameMatcher.Prefixes("SaveChanges", "Find"), Database, isDatabase: true);
        Add("Microsoft.EntityFrameworkCore.DbSet`1", NameMatcher.Prefixes("Find"), Database, isDatabase: true);
        Add("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions", NameMatcher.Suffix("Async"), Database, isDatabase: true);
        Add("Dapper.SqlMapper", NameMatcher.All, Database, isDatabase: true);
        Add("StackExchange.Redis.IDatabase", NameMatcher.All, "Redis command");
        Add("StackExchange.Redis.IDatabaseAsync", NameMatcher.All, "Redis command");
        Add("StackExchange.Redis.IServer", NameMatcher.All, "Redis command");
        Add("StackExchange.Redis.ISubscriber", NameMatcher.All, "Redis command");
        Add("StackExchange.Redis.ConnectionMultiplexer", NameMatcher.Prefixes("Connect"), "Redis command");

        _tcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
        _udpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.UdpClient");
        _fileWebRequest = compilation.GetTypeByMetadataName("System.Net.FileWebRequest");
        _grpcClientBase = compilation.GetTypeByMetadataName("Grpc.Core.ClientBase");
        _grpcClientBaseOfT = compilation.GetTypeByMetadataName("Grpc.Core.ClientBase`1");
        _taskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        _valueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        _azureResults = new[]
        {
            compilation.GetTypeByMetadataName("Azure.Response"),
            compilation.GetTypeByMetadataName("Azure.Response`1"),
            compilation.GetTypeByMetadataName("Azure.Pageable`1"),
            compilation.GetTypeByMetadataName("Azure.AsyncPageable`1"),
            compilation.GetTypeByMetadataName("Azure.Operation"),
            compilation.GetTypeByMetadataName("Azure.Operation`1"),
        };
        _clientModelResults = new[]
        {
            compilation.GetTypeByMetadataName("System.ClientModel.ClientResult"),
            compilation.GetTypeByMetadataName("System.ClientModel.ClientResult`1"),
            compilation.GetTypeByMetadataName("System.ClientModel.CollectionResult`1"),
            compilation.GetTypeByMetadataName("System.ClientModel.AsyncCollectionResult`1"),
        };

        // Most compilations reference neither SDK: skip the return-type checks entirely then.
        _hasAzure = System.Array.Exists(_azureResults, t => t is not null);
        _hasClientModel = System.Array.Exists(_clientModelResults, t => t is not null);
    }

    public static NetworkCatalogue Create(Compilation compilation) => new(compilation);

    /// <summary>
    /// The network operation a call performs, or null. <paramref name="receiver"/> is the static type of the instance
    /// the call is made on; <paramref name="thisArgument"/> the type of an extension method's first argument.
    /// </summary>
    public CatalogueHit? Match(IMethodSymbol method, ITypeSymbol? receiver, ITypeSymbol? thisArgument, bool sqliteInProcess)
    {
        var declaring = method.ContainingType;
        if (declaring is null || declaring.SpecialType == SpecialType.System_Object
            || method.MethodKind is MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.EventAdd or MethodKind.EventRemove or MethodKind.EventRaise)
        {
            // Accessors are judged by what their bodies do: a property read on a client (BaseAddress) is not I/O.
            // ToString, Equals and GetHashCode never do I/O, whatever the receiver.
            return null;
        }

        if (method.MethodKind == MethodKind.Constructor)
        {
            return MatchConstructor(method);
        }

        // Name the operation after the type that made it match: Stream.ReadExactly on a NetworkStream receiver is
        // "NetworkStream.ReadExactly".
        var named = declaring.Name;
        var entry = FindEntry(declaring, method.Name);
        if (entry is null && (entry = FindEntry(receiver, method.Name)) is not null && receiver is INamedTypeSymbol)
        {
            named = receiver.Name;
        }

        entry ??= FindEntry(thisArgument, method.Name);
        if (entry is null && method.IsExtensionMethod && method.Parameters.Length > 0 && !IsInSource(method)
            && !SymbolFacts.IsInNamespace(declaring, SystemData))
        {
            // Any library extension on a network type (JSON helpers, SDK conveniences we do not list) does I/O.
            // The BCL's own System.Data extensions (DataReaderExtensions.GetString...) only read buffered columns.
            entry = FindEntry(method.Parameters[0].Type, name: null);
        }

        if (entry is not null)
        {
            if (entry.IsDatabase && sqliteInProcess && (IsSqlite(receiver) || IsSqlite(thisArgument) || IsSqlite(declaring)))
            {
                return null;
            }

            // FileWebRequest reads local files; every other WebRequest goes over the wire.
            if (_fileWebRequest is not null && (SymbolFacts.IsOrDerivesFrom(receiver, _fileWebRequest) || SymbolFacts.IsOrDerivesFrom(declaring, _fileWebRequest)))
            {
                return null;
            }

            return new CatalogueHit(named + "." + method.Name, entry.Description);
        }

        if (method.MethodKind == MethodKind.Ordinary && !method.IsStatic && DerivesStrictly(declaring, _grpcClientBase, _grpcClientBaseOfT)
            && method.Name is not ("WithHost" or "NewInstance" or "ToString" or "Equals" or "GetHashCode"))
        {
            // Generated gRPC client stubs: every call method goes through the channel.
            return new CatalogueHit(Describe(method), "gRPC call");
        }

        if (!method.ReturnsVoid && (_hasAzure || _hasClientModel))
        {
            var result = SymbolFacts.UnwrapTask(method.ReturnType, _taskOfT, _valueTaskOfT);
            if (_hasAzure && IsAny(result, _azureResults) && SymbolFacts.IsInNamespace(declaring, AzureNamespace))
            {
                return new CatalogueHit(Describe(method), "Azure SDK call");
            }

            if (_hasClientModel && IsAny(result, _clientModelResults))
            {
                return new CatalogueHit(Describe(method), Http);
            }
        }

        return null;
    }

    private CatalogueHit? MatchConstructor(IMethodSymbol constructor)
    {
        // new TcpClient("host", port) and new UdpClient("host", port) resolve and connect in the constructor.
        if (!SymbolFacts.IsOrDerivesFrom(constructor.ContainingType, _tcpClient) && !SymbolFacts.IsOrDerivesFrom(constructor.ContainingType, _udpClient))
        {
            return null;
        }

        foreach (var parameter in constructor.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_String)
            {
                return new CatalogueHit("new " + constructor.ContainingType.Name, Sockets);
            }
        }

        return null;
    }

    /// <summary>The entry of <paramref name="type"/>, a base type or an interface that covers <paramref name="name"/> (any name when null).</summary>
    private Entry? FindEntry(ITypeSymbol? type, string? name)
    {
        if (type is null)
        {
            return null;
        }

        if (type is ITypeParameterSymbol parameter)
        {
            foreach (var constraint in parameter.ConstraintTypes)
            {
                if (FindEntry(constraint, name) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Lookup(current, name) is { } found)
            {
                return found;
            }
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (Lookup(implemented, name) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private Entry? Lookup(ITypeSymbol type, string? name)
    {
        if (type.OriginalDefinition is not INamedTypeSymbol named || !_byType.TryGetValue(named, out var entries))
        {
            return null;
        }

        foreach (var entry in entries)
        {
            if (name is null ? !entry.IsExtensionContainer : entry.Names.Matches(name))
            {
                return entry;
            }
        }

        return null;
    }

    private static bool DerivesStrictly(INamedTypeSymbol type, INamedTypeSymbol? first, INamedTypeSymbol? second)
    {
        if (first is null && second is null)
        {
            return false;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            var definition = current.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, first) || SymbolEqualityComparer.Default.Equals(definition, second))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAny(ITypeSymbol type, INamedTypeSymbol?[] targets)
    {
        foreach (var target in targets)
        {
            if (target is not null && SymbolFacts.IsOrDerivesFrom(type, target))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSqlite(ITypeSymbol? type) =>
        SymbolFacts.IsInNamespace(type, MicrosoftSqlite) || SymbolFacts.IsInNamespace(type, SystemSqlite);

    private static bool IsInSource(IMethodSymbol method)
    {
        foreach (var location in method.Locations)
        {
            if (location.IsInSource)
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name;

    private sealed class Entry
    {
        public Entry(NameMatcher names, string description, bool isDatabase, bool isExtensionContainer)
        {
            Names = names;
            Description = description;
            IsDatabase = isDatabase;
            IsExtensionContainer = isExtensionContainer;
        }

        public NameMatcher Names { get; }

        public string Description { get; }

        public bool IsDatabase { get; }

        /// <summary>A static class of extension methods (Dapper.SqlMapper): a home of network calls, not a network type itself.</summary>
        public bool IsExtensionContainer { get; }
    }
}
