namespace AsyncPluginGen.CrashTests.Host;

/// <summary>
/// Tags each request with this run's number (so the test knows which incarnation sent it), lets it reach its service,
/// then tells the kill switch whether an answered Create or cancel just came back.
/// </summary>
public sealed class KillingHandler(KillSwitch kill, string run) : DelegatingHandler(new SocketsHttpHandler())
{
    public const string RunHeader = "X-Crash-Run";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation(RunHeader, run);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (request.Method == HttpMethod.Post)
        {
            // SageMaker names the operation in a header; the other two APIs in the path.
            var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : request.RequestUri?.AbsolutePath ?? string.Empty;
            if (target.EndsWith("cancel", StringComparison.OrdinalIgnoreCase) || target.EndsWith("StopTrainingJob", StringComparison.Ordinal))
            {
                kill.Reached("delete");
            }
            else if (!target.Contains("Describe", StringComparison.Ordinal))
            {
                kill.Reached("create");
            }
        }

        return response;
    }
}
