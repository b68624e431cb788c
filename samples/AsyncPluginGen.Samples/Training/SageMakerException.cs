using System.Globalization;
using System.Net;

namespace AsyncPluginGen.Samples.Training;

/// <summary>
/// SageMaker answered with an error. An <see cref="HttpRequestException"/> carrying the status code, so the host retries
/// 5xx and 429 answers (such as 503 <c>CapacityError</c>) and fails fast on 4xx ones; <see cref="ErrorType"/> tells
/// the 400s apart.
/// </summary>
public sealed class SageMakerException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="operation">The operation called, such as <c>CreateTrainingJob</c>.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorType">The error's <c>__type</c>, when the body had one.</param>
    /// <param name="detail">The error's message, when the body had one.</param>
    public SageMakerException(string operation, HttpStatusCode statusCode, string? errorType, string? detail)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"SageMaker {operation} answered {(int)statusCode} {errorType ?? statusCode.ToString()}")
                + (string.IsNullOrEmpty(detail) ? "." : ": " + detail),
            inner: null,
            statusCode)
    {
        Operation = operation;
        ErrorType = errorType;
    }

    /// <summary>The operation called.</summary>
    public string Operation { get; }

    /// <summary>The error's type, such as <see cref="SageMakerErrorTypes.ResourceInUse"/>; null when the body had none.</summary>
    public string? ErrorType { get; }
}
