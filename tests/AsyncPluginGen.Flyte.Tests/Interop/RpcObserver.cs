using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AsyncPluginGen.Flyte.Tests.Interop;

/// <summary>
/// A server interceptor that records every call the agent answered, as the server saw it: the method, the status it
/// ended with and whether the client sent a deadline. It also lets the test react to a call being answered, which is
/// how the interop test moves the fake job forward between the Node client's polls without sleeping.
/// </summary>
public sealed class RpcObserver : Interceptor
{
    private readonly ConcurrentQueue<ObservedCall> _calls = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _firstAnswers = new(StringComparer.Ordinal);

    /// <summary>The calls in the order they ended.</summary>
    public IReadOnlyList<ObservedCall> Calls => [.. _calls];

    /// <summary>Completes when <paramref name="method"/> (for example "/flyteidl.service.AsyncAgentService/GetTask") has first ended with OK.</summary>
    public Task FirstAnswered(string method) => FirstAnswer(method).Task;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            var response = await continuation(request, context);
            Record(context, StatusCode.OK);
            return response;
        }
        catch (RpcException e)
        {
            Record(context, e.StatusCode);
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
            Record(context, StatusCode.OK);
        }
        catch (RpcException e)
        {
            Record(context, e.StatusCode);
            throw;
        }
    }

    private void Record(ServerCallContext context, StatusCode status)
    {
        // A handler may also end by setting context.Status instead of throwing.
        var ended = status == StatusCode.OK ? context.Status.StatusCode : status;
        _calls.Enqueue(new ObservedCall(context.Method, ended, context.Deadline != DateTime.MaxValue));
        if (ended == StatusCode.OK)
        {
            FirstAnswer(context.Method).TrySetResult();
        }
    }

    private TaskCompletionSource FirstAnswer(string method) =>
        _firstAnswers.GetOrAdd(method, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}

/// <summary>One call as the server saw it.</summary>
/// <param name="Method">The full method name, "/package.Service/Method".</param>
/// <param name="Status">The status it ended with.</param>
/// <param name="HadDeadline">Whether the client sent a deadline (grpc-timeout).</param>
public sealed record ObservedCall(string Method, StatusCode Status, bool HadDeadline);
