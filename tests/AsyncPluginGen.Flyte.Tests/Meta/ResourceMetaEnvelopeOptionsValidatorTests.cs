using System.Security.Cryptography;
using AsyncPluginGen.Flyte.Meta;
using AsyncPluginGen.Flyte.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using static AsyncPluginGen.Flyte.Tests.Meta.EnvelopeFixtures;

namespace AsyncPluginGen.Flyte.Tests.Meta;

/// <summary>Each misconfiguration is refused with a message that says what is wrong and how to fix it.</summary>
public sealed class ResourceMetaEnvelopeOptionsValidatorTests
{
    private static readonly ResourceMetaEnvelopeOptionsValidator Validator = new();

    [Fact]
    public void Valid_options_pass()
    {
        Assert.True(Validator.Validate(null, PrimaryOptions()).Succeeded);
        Assert.True(Validator.Validate(null, Options(("k2", RandomKey()), ("k1", RandomKey()))).Succeeded);
    }

    [Fact]
    public void No_keys_says_how_to_add_and_generate_one()
    {
        var error = SingleError(new ResourceMetaEnvelopeOptions());

        Assert.Contains("FlyteAgent:ResourceMeta:Keys has no signing key", error, StringComparison.Ordinal);
        Assert.Contains("FlyteAgent:ResourceMeta:ActiveKeyId", error, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_key_says_how_long_it_is_and_how_to_generate_one()
    {
        var error = SingleError(Options(("k1", Convert.ToBase64String(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }))));

        Assert.Equal(
            "FlyteAgent:ResourceMeta:Keys:k1 decodes to 16 bytes, but a key needs at least 32 random bytes; generate one with `openssl rand -base64 32`.",
            error);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("c2lnbmluZy1rZXktb25lLWZvci10aGUtdGVzdHMtMDAwMDAwMDA")] // padding lost in a copy
    public void A_key_that_is_not_base64_is_refused(string key)
    {
        var error = SingleError(Options(("k1", key)));

        Assert.Equal("FlyteAgent:ResourceMeta:Keys:k1 is not valid base64; generate one with `openssl rand -base64 32`.", error);
        Assert.DoesNotContain(key, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_or_placeholder_key_is_refused()
    {
        Assert.StartsWith("FlyteAgent:ResourceMeta:Keys:k1 is empty", SingleError(Options(("k1", ""))), StringComparison.Ordinal);
        Assert.StartsWith(
            "FlyteAgent:ResourceMeta:Keys:k1 is one byte repeated",
            SingleError(Options(("k1", Convert.ToBase64String(new byte[32])))),
            StringComparison.Ordinal);
    }

    [Fact]
    public void An_ActiveKeyId_not_among_the_keys_is_refused()
    {
        var options = PrimaryOptions();
        options.ActiveKeyId = "k3";

        Assert.Equal(
            "FlyteAgent:ResourceMeta:ActiveKeyId is 'k3', but FlyteAgent:ResourceMeta:Keys has no key with that id; add the key under that id, or set ActiveKeyId to one of the listed ids.",
            SingleError(options));
    }

    [Fact]
    public void A_missing_ActiveKeyId_lists_the_ids_to_choose_from()
    {
        var options = Options(("k2", RandomKey()), ("k1", RandomKey()));
        options.ActiveKeyId = null;

        Assert.Equal("FlyteAgent:ResourceMeta:ActiveKeyId is not set: set it to the id of the key that signs, one of k1, k2.", SingleError(options));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("k:1")]
    [InlineData("clé")]
    [InlineData("a-key-id-longer-than-thirty-two-chars")]
    public void A_key_id_outside_the_allowed_characters_or_length_is_refused(string id)
    {
        var options = Options((id, RandomKey()), ("k1", RandomKey()));
        options.ActiveKeyId = "k1";

        Assert.Contains("is not 1 to 32 characters of A-Z a-z 0-9 . _ -", SingleError(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Key_ids_that_differ_only_in_case_are_refused()
    {
        var options = Options(("k1", RandomKey()), ("K1", RandomKey()));

        Assert.Contains("differ only in case", SingleError(options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(255)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1024 * 1024 + 1)]
    public void MaxBytes_out_of_range_is_refused_with_the_range_and_default(int maxBytes)
    {
        var options = PrimaryOptions();
        options.MaxBytes = maxBytes;

        Assert.Equal(
            $"FlyteAgent:ResourceMeta:MaxBytes is {maxBytes}, but it must be between 256 and 1048576 (1 MiB); the default is 65536 (64 KiB). " +
            "Propeller stores resource_meta in the workflow's resource in etcd, so keep it small.",
            SingleError(options));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(1024 * 1024)]
    public void MaxBytes_at_the_bounds_is_accepted(int maxBytes)
    {
        var options = PrimaryOptions();
        options.MaxBytes = maxBytes;

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_keys_never_appear()
    {
        var shortKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(8));
        var options = Options(("k1", shortKey), ("k2", "%%%"));
        options.ActiveKeyId = "k9";
        options.MaxBytes = 1;

        var errors = ResourceMetaEnvelopeOptionsValidator.GetErrors(options, "Custom:Path");

        Assert.Equal(4, errors.Count);
        Assert.All(errors, error => Assert.StartsWith("Custom:Path:", error, StringComparison.Ordinal));
        Assert.All(errors, error => Assert.DoesNotContain(shortKey, error, StringComparison.Ordinal));
    }

    [Fact]
    public void The_envelope_refuses_invalid_options_with_the_same_messages()
    {
        var options = PrimaryOptions();
        options.ActiveKeyId = "k3";

        var refused = Assert.Throws<OptionsValidationException>(() => new ResourceMetaEnvelope(options));

        Assert.Equal(ResourceMetaEnvelopeOptionsValidator.GetErrors(options), refused.Failures);
    }

    [Fact]
    public void Options_bind_from_configuration_as_the_docs_show()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["FlyteAgent:ResourceMeta:MaxBytes"] = "32768",
                ["FlyteAgent:ResourceMeta:ActiveKeyId"] = TestKeys.SecondaryId,
                [$"FlyteAgent:ResourceMeta:Keys:{TestKeys.PrimaryId}"] = TestKeys.PrimaryKey,
                [$"FlyteAgent:ResourceMeta:Keys:{TestKeys.SecondaryId}"] = TestKeys.SecondaryKey,
            })
            .Build();
        var options = new ResourceMetaEnvelopeOptions();

        configuration.GetSection(ResourceMetaEnvelopeOptions.SectionName).Bind(options);

        Assert.True(Validator.Validate(null, options).Succeeded);
        var envelope = new ResourceMetaEnvelope(options);
        Assert.Equal(32768, envelope.MaxBytes);
        Assert.Equal(TestKeys.SecondaryId, envelope.ActiveKeyId);
        Assert.Equal(TestKeys.PrimaryId, envelope.Open(SealSample(Primary())).KeyId);
    }

    private static string SingleError(ResourceMetaEnvelopeOptions options)
    {
        var result = Validator.Validate(null, options);
        Assert.True(result.Failed);
        return Assert.Single(result.Failures!);
    }
}
