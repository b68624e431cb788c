using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AsyncPluginGen.Samples.Training;

/// <summary>
/// A client of SageMaker's training-job operations over the AWS JSON 1.1 protocol: every call is a <c>POST</c> to the
/// service's one endpoint, named by its <c>X-Amz-Target</c> header. An error answer throws
/// <see cref="SageMakerException"/>, which carries the HTTP status and SageMaker's error type.
/// </summary>
/// <remarks>Requests are not signed (SigV4): the fake service does not check signatures.</remarks>
/// <param name="http">The client; its <see cref="HttpClient.BaseAddress"/> is the service's endpoint.</param>
public sealed class TrainingClient(HttpClient http)
{
    private const string TargetPrefix = "SageMaker.";
    private static readonly MediaTypeHeaderValue AmzJson = new("application/x-amz-json-1.1");

    /// <summary>The underlying client.</summary>
    public HttpClient Http { get; } = http ?? throw new ArgumentNullException(nameof(http));

    /// <summary>Starts a training job. A second job of the same name is refused with <c>ResourceInUse</c>.</summary>
    /// <param name="request">The job.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new job's ARN.</returns>
    public Task<CreateTrainingJobResponse> CreateTrainingJobAsync(CreateTrainingJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync("CreateTrainingJob", request, TrainingJson.Default.CreateTrainingJobRequest, TrainingJson.Default.CreateTrainingJobResponse, cancellationToken);
    }

    /// <summary>Reads a training job. An unknown name is a <c>ValidationException</c>.</summary>
    /// <param name="trainingJobName">The job's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The job.</returns>
    public Task<DescribeTrainingJobResponse> DescribeTrainingJobAsync(string trainingJobName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trainingJobName);
        return CallAsync("DescribeTrainingJob", new TrainingJobNameRequest(trainingJobName), TrainingJson.Default.TrainingJobNameRequest, TrainingJson.Default.DescribeTrainingJobResponse, cancellationToken);
    }

    /// <summary>
    /// Asks SageMaker to stop a training job; it goes through <c>Stopping</c> to <c>Stopped</c>. A job that has ended, or
    /// an unknown name, is a <c>ValidationException</c>.
    /// </summary>
    /// <param name="trainingJobName">The job's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when SageMaker has accepted the request.</returns>
    public async Task StopTrainingJobAsync(string trainingJobName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trainingJobName);
        using var response = await PostAsync("StopTrainingJob", new TrainingJobNameRequest(trainingJobName), TrainingJson.Default.TrainingJobNameRequest, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks that a training job could run an image: that it is an Amazon ECR image the account may pull.</summary>
    /// <param name="trainingImage">The image.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether it is valid, and why not.</returns>
    public Task<DescribeTrainingImageResponse> DescribeTrainingImageAsync(string trainingImage, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trainingImage);
        return CallAsync("DescribeTrainingImage", new DescribeTrainingImageRequest(trainingImage), TrainingJson.Default.DescribeTrainingImageRequest, TrainingJson.Default.DescribeTrainingImageResponse, cancellationToken);
    }

    private static async Task<SageMakerException> ErrorAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        SageMakerErrorBody? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync(TrainingJson.Default.SageMakerErrorBody, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // Not an AWS error document (a proxy's page, say): the status code says enough.
        }

        return new SageMakerException(operation, response.StatusCode, error?.ShortType, error?.Message);
    }

    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        string operation,
        TRequest body,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        using var response = await PostAsync(operation, body, requestType, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(responseType, cancellationToken).ConfigureAwait(false)
            ?? throw new SageMakerException(operation, response.StatusCode, null, "the response has no body");
    }

    private async Task<HttpResponseMessage> PostAsync<TRequest>(string operation, TRequest body, JsonTypeInfo<TRequest> requestType, CancellationToken cancellationToken)
    {
        // The protocol has one endpoint, the base address itself; the header names the operation.
        using var request = new HttpRequestMessage(HttpMethod.Post, requestUri: (Uri?)null)
        {
            Content = JsonContent.Create(body, requestType, AmzJson),
        };
        request.Headers.Add("X-Amz-Target", TargetPrefix + operation);
        var response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorAsync(operation, response, cancellationToken).ConfigureAwait(false);
        }
    }
}
