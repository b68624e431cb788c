using System.Globalization;
using System.Text.RegularExpressions;

namespace AsyncPluginGen.Samples.FakeServices.Training;

/// <summary>
/// SageMaker's checks of a <c>CreateTrainingJob</c> request, with its message format
/// (<c>1 validation error detected: Value 'x' at 'trainingJobName' failed to satisfy constraint: ...</c>), so a
/// client that builds a bad request learns which member is wrong, as it would from the real service.
/// </summary>
internal static partial class CreateTrainingJobValidation
{
    /// <summary>SageMaker's pattern for training job names: at most 63 letters, digits and inner hyphens.</summary>
    public const string JobNamePattern = "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}";

    private const string InstanceTypePattern = @"^ml\.[a-z0-9]+\.[a-z0-9]+$";
    private const string RoleArnPattern = @"^arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+$";
    private const string S3UriPattern = "^(https|s3)://([^/]+)/?(.*)$";
    private static readonly string[] InputModes = ["Pipe", "File", "FastFile"];

    /// <summary>What is wrong with <paramref name="request"/>, in SageMaker's words.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The message of the <c>ValidationException</c>, or null when the request is valid.</returns>
    public static string? Problems(CreateTrainingJobRequest request)
    {
        var errors = new List<string>();
        Matches(errors, request.TrainingJobName, "trainingJobName", JobName(), JobNamePattern);
        if (Present(errors, request.AlgorithmSpecification, "algorithmSpecification") is { } algorithm)
        {
            Matches(errors, algorithm.TrainingImage, "algorithmSpecification.trainingImage", NonBlank(), @"[\S]+");
            if (Present(errors, algorithm.TrainingInputMode, "algorithmSpecification.trainingInputMode") is { } mode && !InputModes.Contains(mode, StringComparer.Ordinal))
            {
                errors.Add(Violation(mode, "algorithmSpecification.trainingInputMode", "Member must satisfy enum value set: [" + string.Join(", ", InputModes) + "]"));
            }
        }

        if (Present(errors, request.ResourceConfig, "resourceConfig") is { } resources)
        {
            Matches(errors, resources.InstanceType, "resourceConfig.instanceType", InstanceType(), InstanceTypePattern);
            AtLeast(errors, resources.InstanceCount, "resourceConfig.instanceCount", 1);
            AtLeast(errors, resources.VolumeSizeInGB, "resourceConfig.volumeSizeInGB", 1);
        }

        if (Present(errors, request.StoppingCondition, "stoppingCondition") is { } stopping)
        {
            AtLeast(errors, stopping.MaxRuntimeInSeconds, "stoppingCondition.maxRuntimeInSeconds", 1);
        }

        Matches(errors, request.RoleArn, "roleArn", RoleArn(), RoleArnPattern);
        if (Present(errors, request.OutputDataConfig, "outputDataConfig") is { } output)
        {
            Matches(errors, output.S3OutputPath, "outputDataConfig.s3OutputPath", S3Uri(), S3UriPattern);
        }

        return errors.Count switch
        {
            0 => null,
            1 => "1 validation error detected: " + errors[0],
            var n => string.Create(CultureInfo.InvariantCulture, $"{n} validation errors detected: ") + string.Join("; ", errors),
        };
    }

    private static T? Present<T>(List<string> errors, T? value, string member)
        where T : class
    {
        if (value is null)
        {
            errors.Add($"Value null at '{member}' failed to satisfy constraint: Member must not be null");
        }

        return value;
    }

    private static void Matches(List<string> errors, string? value, string member, Regex regex, string pattern)
    {
        if (Present(errors, value, member) is { } text && !regex.IsMatch(text))
        {
            errors.Add(Violation(text, member, "Member must satisfy regular expression pattern: " + pattern));
        }
    }

    private static void AtLeast(List<string> errors, int? value, string member, int minimum)
    {
        if (value is null)
        {
            errors.Add($"Value null at '{member}' failed to satisfy constraint: Member must not be null");
        }
        else if (value < minimum)
        {
            errors.Add(Violation(
                value.Value.ToString(CultureInfo.InvariantCulture),
                member,
                "Member must have value greater than or equal to " + minimum.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static string Violation(string value, string member, string constraint) =>
        $"Value '{value}' at '{member}' failed to satisfy constraint: {constraint}";

    // SageMaker anchors only the start of the job-name pattern, but also caps the length at 63: the '$' says both.
    [GeneratedRegex(JobNamePattern + "$", RegexOptions.CultureInvariant)]
    private static partial Regex JobName();

    [GeneratedRegex(@"^\S+$", RegexOptions.CultureInvariant)]
    private static partial Regex NonBlank();

    [GeneratedRegex(InstanceTypePattern, RegexOptions.CultureInvariant)]
    private static partial Regex InstanceType();

    [GeneratedRegex(RoleArnPattern, RegexOptions.CultureInvariant)]
    private static partial Regex RoleArn();

    [GeneratedRegex(S3UriPattern, RegexOptions.CultureInvariant)]
    private static partial Regex S3Uri();
}
