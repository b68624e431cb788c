using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>
/// A fake Amazon SageMaker that serves training jobs over the AWS JSON 1.1 protocol: every call is <c>POST /</c>
/// with <c>X-Amz-Target: SageMaker.&lt;Operation&gt;</c> and a PascalCase JSON body, and every error is
/// <c>{"__type": "...", "message": "..."}</c>. Operations: <c>CreateTrainingJob</c>, <c>DescribeTrainingJob</c>,
/// <c>StopTrainingJob</c>, and <c>DescribeTrainingImage</c>, a quick check of a container image that stands in for
/// the Amazon ECR lookup a real pre-flight check would make (SageMaker itself has no such operation).
/// </summary>
/// <remarks>
/// Jobs are addressed by name, and the name is the idempotency key: SageMaker has no client token on
/// <c>CreateTrainingJob</c>, it refuses a second job of the same name with <c>ResourceInUse</c> instead. Besides the
/// faults every fake service injects, a fraction <see cref="CapacityErrorRate"/> of creates are refused with 503
/// <c>CapacityError</c> without creating the job, as when SageMaker has no instances of the type to give.
/// </remarks>
public sealed class TrainingService : FakeService
{
    /// <summary>The prefix of the <c>X-Amz-Target</c> header of every operation.</summary>
    public const string TargetPrefix = "SageMaker.";

    /// <summary>The content type of the AWS JSON 1.1 protocol, for requests and responses alike.</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>An AWS Deep Learning Container for PyTorch training on GPU; the service knows it from the start.</summary>
    public const string PyTorchImage = "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.3.0-gpu-py311-cu121-ubuntu20.04-sagemaker";

    /// <summary>SageMaker's built-in XGBoost algorithm image; the service knows it from the start.</summary>
    public const string XGBoostImage = "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1";

    private const string TargetHeader = "X-Amz-Target";
    private const string ArnPrefix = "arn:aws:sagemaker:us-east-1:123456789012:training-job/";

    private readonly ConcurrentDictionary<string, byte> _images = new(StringComparer.Ordinal);
    private readonly Lock _capacityGate = new();
    private readonly Random _capacity;
    private long _capacityErrors;

    /// <summary>Creates the service; <see cref="FakeService.StartAsync"/> starts it.</summary>
    /// <param name="options">Latency, durations, faults, seed and clock.</param>
    public TrainingService(FakeServiceOptions options)
        : base("training", "tj-", options)
    {
        // Its own stream, derived from the seed, so capacity errors neither shift nor mirror the ledger's choices.
        _capacity = new Random(unchecked((Options.Seed * 7919) + 17));
        AddImage(PyTorchImage);
        AddImage(XGBoostImage);
    }

    /// <summary>
    /// Probability in [0, 1] that a <c>CreateTrainingJob</c> for a new name is refused with 503 <c>CapacityError</c>
    /// (no job is created, so a retry may succeed). Default 0.05.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not between 0 and 1.</exception>
    public double CapacityErrorRate
    {
        get;
        init => field = value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{nameof(CapacityErrorRate)} is a probability: it must be between 0 and 1.");
    } = 0.05;

    /// <summary>How many creates were refused with <c>CapacityError</c> so far.</summary>
    public long CapacityErrors => Interlocked.Read(ref _capacityErrors);

    /// <summary>The ARN SageMaker gives the training job named <paramref name="trainingJobName"/>.</summary>
    /// <param name="trainingJobName">The job's name.</param>
    /// <returns>Its ARN.</returns>
    public static string TrainingJobArn(string trainingJobName) => ArnPrefix + trainingJobName;

    /// <summary>Makes an image known, so <c>DescribeTrainingImage</c> reports it valid.</summary>
    /// <param name="image">An Amazon ECR image URI.</param>
    public void AddImage(string image)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        _images.TryAdd(image, 0);
    }

    /// <inheritdoc />
    protected override void MapRoutes(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/", ServeAsync);
    }

    /// <inheritdoc />
    protected override IResult Error(int statusCode, string code, string message) =>
        Results.Json(new SageMakerError(AwsErrorType(code), message), TrainingServiceJson.Default.SageMakerError, ContentType, statusCode);

    // The core injects faults with generic codes; an AWS client would see AWS's own error types for them.
    private static string AwsErrorType(string code) => code switch
    {
        "INTERNAL" => "InternalFailure",
        "UNAVAILABLE" => "ServiceUnavailable",
        "RATE_LIMIT_EXCEEDED" => "ThrottlingException",
        "DEADLINE_EXCEEDED" => "GatewayTimeout",
        _ => code,
    };

    private static IResult Ok<T>(T body, JsonTypeInfo<T> type) => Results.Json(body, type, ContentType);

    private static double EpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    private static (TrainingJobStatus Status, SecondaryStatus Secondary) StatusOf(RemoteJobState state) => state switch
    {
        RemoteJobState.Pending => (TrainingJobStatus.InProgress, SecondaryStatus.Starting),
        RemoteJobState.Running => (TrainingJobStatus.InProgress, SecondaryStatus.Training),
        RemoteJobState.Succeeded => (TrainingJobStatus.Completed, SecondaryStatus.Completed),
        RemoteJobState.Failed => (TrainingJobStatus.Failed, SecondaryStatus.Failed),
        RemoteJobState.Stopping => (TrainingJobStatus.Stopping, SecondaryStatus.Stopping),
        RemoteJobState.Stopped => (TrainingJobStatus.Stopped, SecondaryStatus.Stopped),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown ledger state."),
    };

    private static DescribeTrainingJobResponse Describe(RemoteJob job)
    {
        var (status, secondary) = StatusOf(job.State);
        return new DescribeTrainingJobResponse(
            job.Key,
            TrainingJobArn(job.Key),
            status,
            secondary,
            job.FailureMessage is { } failure ? "AlgorithmError: " + failure : null,
            EpochSeconds(job.CreatedAt),
            job.StartedAt is { } started ? EpochSeconds(started) : null,
            job.State.IsTerminal() && job.EndedAt is { } ended ? EpochSeconds(ended) : null);
    }

    private static async ValueTask<T?> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // Reported as SageMaker does, as a SerializationException, by the caller.
            return null;
        }
    }

    private Task ServeAsync(HttpContext context)
    {
        var target = context.Request.Headers[TargetHeader].ToString();
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : null;
        return operation switch
        {
            "CreateTrainingJob" => HandleAsync(context, FakeEndpoint.Create, ct => CreateTrainingJobAsync(context.Request, ct)),
            "DescribeTrainingJob" => HandleAsync(context, FakeEndpoint.Get, ct => DescribeTrainingJobAsync(context.Request, ct)),
            "StopTrainingJob" => HandleAsync(context, FakeEndpoint.Cancel, ct => StopTrainingJobAsync(context.Request, ct)),
            "DescribeTrainingImage" => HandleAsync(context, FakeEndpoint.Get, ct => DescribeTrainingImageAsync(context.Request, ct)),
            _ => Error(
                StatusCodes.Status400BadRequest,
                SageMakerErrors.UnknownOperationException,
                target.Length == 0 ? $"The {TargetHeader} header is missing." : $"The operation '{target}' is not supported.").ExecuteAsync(context),
        };
    }

    private async ValueTask<IResult> CreateTrainingJobAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (await ReadAsync(http, TrainingServiceJson.Default.CreateTrainingJobRequest, cancellationToken).ConfigureAwait(false) is not { } request)
        {
            return Malformed("CreateTrainingJob");
        }

        if (CreateTrainingJobValidation.Problems(request) is { } problems)
        {
            return Error(StatusCodes.Status400BadRequest, SageMakerErrors.ValidationException, problems);
        }

        var name = request.TrainingJobName!;
        if (Ledger.FindByKey(name) is not null)
        {
            return NameInUse(name);
        }

        if (RollCapacityError())
        {
            return Error(
                StatusCodes.Status503ServiceUnavailable,
                SageMakerErrors.CapacityError,
                $"Insufficient capacity for {request.ResourceConfig!.InstanceType}: unable to provision the requested ML compute capacity. Please retry.");
        }

        // Two creates of one name can race past the check above; the ledger lets exactly one of them create the job.
        var (_, created) = Ledger.GetOrCreate(name, request);
        return created ? Ok(new CreateTrainingJobResponse(TrainingJobArn(name)), TrainingServiceJson.Default.CreateTrainingJobResponse) : NameInUse(name);
    }

    private async ValueTask<IResult> DescribeTrainingJobAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (await ReadAsync(http, TrainingServiceJson.Default.TrainingJobNameRequest, cancellationToken).ConfigureAwait(false) is not { } request)
        {
            return Malformed("DescribeTrainingJob");
        }

        if (request.TrainingJobName is not { Length: > 0 } name)
        {
            return NameMissing();
        }

        return Ledger.FindByKey(name) is { } job
            ? Ok(Describe(job), TrainingServiceJson.Default.DescribeTrainingJobResponse)
            : Error(StatusCodes.Status400BadRequest, SageMakerErrors.ValidationException, SageMakerErrors.NotFoundMessage);
    }

    private async ValueTask<IResult> StopTrainingJobAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (await ReadAsync(http, TrainingServiceJson.Default.TrainingJobNameRequest, cancellationToken).ConfigureAwait(false) is not { } request)
        {
            return Malformed("StopTrainingJob");
        }

        if (request.TrainingJobName is not { Length: > 0 } name)
        {
            return NameMissing();
        }

        if (Ledger.FindByKey(name) is not { } job)
        {
            return Error(StatusCodes.Status400BadRequest, SageMakerErrors.ValidationException, SageMakerErrors.NotFoundMessage);
        }

        // SageMaker refuses to stop a job that has ended; stopping one that is already stopping changes nothing.
        if (job.State.IsTerminal())
        {
            return Error(
                StatusCodes.Status400BadRequest,
                SageMakerErrors.ValidationException,
                $"The request was rejected because the training job is in status {StatusOf(job.State).Status}.");
        }

        _ = Ledger.Cancel(job.Id);
        return Ok(new EmptyResponse(), TrainingServiceJson.Default.EmptyResponse);
    }

    private async ValueTask<IResult> DescribeTrainingImageAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (await ReadAsync(http, TrainingServiceJson.Default.DescribeTrainingImageRequest, cancellationToken).ConfigureAwait(false) is not { } request)
        {
            return Malformed("DescribeTrainingImage");
        }

        if (request.TrainingImage is not { Length: > 0 } image)
        {
            return Error(
                StatusCodes.Status400BadRequest,
                SageMakerErrors.ValidationException,
                "1 validation error detected: Value null at 'trainingImage' failed to satisfy constraint: Member must not be null");
        }

        var response = !EcrImageUri.IsValid(image)
            ? new DescribeTrainingImageResponse(image, false, $"'{image}' is not an Amazon ECR image URI ({EcrImageUri.Form}).")
            : _images.ContainsKey(image)
                ? new DescribeTrainingImageResponse(image, true, null)
                : new DescribeTrainingImageResponse(image, false, $"The image '{image}' does not exist in Amazon ECR, or this account may not pull it.");
        return Ok(response, TrainingServiceJson.Default.DescribeTrainingImageResponse);
    }

    private bool RollCapacityError()
    {
        double roll;
        lock (_capacityGate)
        {
            roll = _capacity.NextDouble();
        }

        if (roll >= CapacityErrorRate)
        {
            return false;
        }

        Interlocked.Increment(ref _capacityErrors);
        return true;
    }

    private IResult Malformed(string operation) =>
        Error(StatusCodes.Status400BadRequest, SageMakerErrors.SerializationException, $"The body of {operation} is not a JSON object of the operation's shape.");

    private IResult NameMissing() =>
        Error(
            StatusCodes.Status400BadRequest,
            SageMakerErrors.ValidationException,
            "1 validation error detected: Value null at 'trainingJobName' failed to satisfy constraint: Member must not be null");

    private IResult NameInUse(string name) =>
        Error(
            StatusCodes.Status400BadRequest,
            SageMakerErrors.ResourceInUse,
            $"Training job names must be unique within an AWS account and region, and a training job with this name already exists ({TrainingJobArn(name)})");
}
