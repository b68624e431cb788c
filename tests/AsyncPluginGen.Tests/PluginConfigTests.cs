using System.Globalization;

namespace AsyncPluginGen.Tests;

public sealed class PluginConfigTests
{
    private static PluginConfig WithCaching(Func<CachingConfig, CachingConfig> change) =>
        new PluginConfig() with { Caching = change(CachingConfig.Default) };

    private static PluginConfig WithRead(Func<RateLimiterConfig, RateLimiterConfig> change) =>
        new PluginConfig() with { ReadRateLimiter = change(RateLimiterConfig.DefaultRead) };

    private static PluginConfig WithWrite(Func<RateLimiterConfig, RateLimiterConfig> change) =>
        new PluginConfig() with { WriteRateLimiter = change(RateLimiterConfig.DefaultWrite) };

    // ---- Defaults -------------------------------------------------------------------------------------------

    [Fact]
    public void Defaults_MatchFlyte()
    {
        var config = new PluginConfig();

        Assert.Equal(100_000, config.Caching.Size);
        Assert.Equal(TimeSpan.FromSeconds(30), config.Caching.ResyncInterval);
        Assert.Equal(10, config.Caching.Workers);
        Assert.Equal(5, config.Caching.MaxSystemFailures);
        Assert.Equal(30d, config.ReadRateLimiter.Qps);
        Assert.Equal(300, config.ReadRateLimiter.Burst);
        Assert.Equal(20d, config.WriteRateLimiter.Qps);
        Assert.Equal(200, config.WriteRateLimiter.Burst);
        Assert.NotNull(config.ResourceQuotas);
        Assert.Empty(config.ResourceQuotas);
    }

    [Fact]
    public void DefaultInstances_EqualFreshlyConstructedOnes()
    {
        Assert.Equal(new CachingConfig(), CachingConfig.Default);
        Assert.Equal(new RateLimiterConfig { Qps = 30, Burst = 300 }, RateLimiterConfig.DefaultRead);
        Assert.Equal(new RateLimiterConfig { Qps = 20, Burst = 200 }, RateLimiterConfig.DefaultWrite);
    }

    [Fact]
    public void Ranges_MatchFlyte()
    {
        Assert.Equal(new ValueRange<int>(10, 500_000), CachingConfig.SizeRange);
        Assert.Equal(new ValueRange<int>(1, 10_000), CachingConfig.WorkersRange);
        Assert.Equal(new ValueRange<TimeSpan>(TimeSpan.FromSeconds(5), TimeSpan.FromHours(1)), CachingConfig.ResyncIntervalRange);
        Assert.Equal(new ValueRange<int>(5, 10_000), RateLimiterConfig.BurstRange);
        Assert.Equal(new ValueRange<double>(1, 100_000), RateLimiterConfig.QpsRange);
    }

    [Fact]
    public void Defaults_Validate()
    {
        var config = new PluginConfig();

        config.Validate();
        config.Validate("SomePlugin");
        Assert.Empty(config.GetValidationErrors());
    }


    [Fact]
    public void DefaultProperty_HasEmptyQuotas_AndValidates()
    {
        Assert.NotNull(PluginConfig.Default.ResourceQuotas);
        Assert.Empty(PluginConfig.Default.ResourceQuotas);
        Assert.Equal(new PluginConfig(), PluginConfig.Default);
        PluginConfig.Default.Validate("SomePlugin");
        Assert.Empty((PluginConfig.Default with { Caching = new CachingConfig() }).GetValidationErrors());
    }

    [Fact]
    public void DefaultProperty_OtherFieldsMatchFlyte()
    {
        Assert.Equal(RateLimiterConfig.DefaultRead, PluginConfig.Default.ReadRateLimiter);
        Assert.Equal(RateLimiterConfig.DefaultWrite, PluginConfig.Default.WriteRateLimiter);
        Assert.Equal(CachingConfig.Default, PluginConfig.Default.Caching);
    }

    // ---- Boundaries: inclusive ------------------------------------------------------------------------------

    public static TheoryData<string, PluginConfig> ValidBoundaries() => new()
    {
        { "Caching.Size min", WithCaching(c => c with { Size = 10 }) },
        { "Caching.Size max", WithCaching(c => c with { Size = 500_000 }) },
        { "Caching.Workers min", WithCaching(c => c with { Workers = 1 }) },
        { "Caching.Workers max", WithCaching(c => c with { Workers = 10_000 }) },
        { "Caching.ResyncInterval min", WithCaching(c => c with { ResyncInterval = TimeSpan.FromSeconds(5) }) },
        { "Caching.ResyncInterval max", WithCaching(c => c with { ResyncInterval = TimeSpan.FromHours(1) }) },
        { "Caching.MaxSystemFailures zero", WithCaching(c => c with { MaxSystemFailures = 0 }) },
        { "ReadRateLimiter.Burst min", WithRead(r => r with { Burst = 5 }) },
        { "ReadRateLimiter.Burst max", WithRead(r => r with { Burst = 10_000 }) },
        { "ReadRateLimiter.Qps min", WithRead(r => r with { Qps = 1 }) },
        { "ReadRateLimiter.Qps max", WithRead(r => r with { Qps = 100_000 }) },
        { "WriteRateLimiter.Burst min", WithWrite(r => r with { Burst = 5 }) },
        { "WriteRateLimiter.Burst max", WithWrite(r => r with { Burst = 10_000 }) },
        { "WriteRateLimiter.Qps min", WithWrite(r => r with { Qps = 1 }) },
        { "WriteRateLimiter.Qps max", WithWrite(r => r with { Qps = 100_000 }) },
        { "Fractional Qps", WithRead(r => r with { Qps = 1.5 }) },
        { "Quota 1", new PluginConfig() with { ResourceQuotas = new Dictionary<ResourceNamespace, int> { ["default"] = 1 } } },
        { "Quota large", new PluginConfig() with { ResourceQuotas = new Dictionary<ResourceNamespace, int> { ["a"] = 1000, ["b"] = int.MaxValue } } },
    };

    [Theory]
    [MemberData(nameof(ValidBoundaries))]
    public void Validate_AcceptsInclusiveBoundaries(string name, PluginConfig config)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Empty(config.GetValidationErrors());
        config.Validate("p");
    }

    public static TheoryData<PluginConfig, string, string, string> InvalidBoundaries() => new()
    {
        { WithCaching(c => c with { Size = 9 }), "Caching.Size", "9", "10–500000" },
        { WithCaching(c => c with { Size = 500_001 }), "Caching.Size", "500001", "10–500000" },
        { WithCaching(c => c with { Workers = 0 }), "Caching.Workers", "0", "1–10000" },
        { WithCaching(c => c with { Workers = 10_001 }), "Caching.Workers", "10001", "1–10000" },
        { WithCaching(c => c with { ResyncInterval = TimeSpan.FromSeconds(5) - TimeSpan.FromMilliseconds(1) }), "Caching.ResyncInterval", "00:00:04.9990000", "00:00:05–01:00:00" },
        { WithCaching(c => c with { ResyncInterval = TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1) }), "Caching.ResyncInterval", "01:00:01", "00:00:05–01:00:00" },
        { WithCaching(c => c with { MaxSystemFailures = -1 }), "Caching.MaxSystemFailures", "-1", "0–2147483647" },
        { WithRead(r => r with { Burst = 4 }), "ReadRateLimiter.Burst", "4", "5–10000" },
        { WithRead(r => r with { Burst = 10_001 }), "ReadRateLimiter.Burst", "10001", "5–10000" },
        { WithRead(r => r with { Qps = 0.5 }), "ReadRateLimiter.Qps", "0.5", "1–100000" },
        { WithRead(r => r with { Qps = 100_000.5 }), "ReadRateLimiter.Qps", "100000.5", "1–100000" },
        { WithWrite(r => r with { Burst = 4 }), "WriteRateLimiter.Burst", "4", "5–10000" },
        { WithWrite(r => r with { Burst = 10_001 }), "WriteRateLimiter.Burst", "10001", "5–10000" },
        { WithWrite(r => r with { Qps = 0 }), "WriteRateLimiter.Qps", "0", "1–100000" },
        { WithWrite(r => r with { Qps = 100_001 }), "WriteRateLimiter.Qps", "100001", "1–100000" },
        { new PluginConfig() with { ResourceQuotas = new Dictionary<ResourceNamespace, int> { ["warehouse"] = 0 } }, "ResourceQuotas[warehouse]", "0", "1–2147483647" },
        { new PluginConfig() with { ResourceQuotas = new Dictionary<ResourceNamespace, int> { ["default"] = -3 } }, "ResourceQuotas[default]", "-3", "1–2147483647" },
    };

    [Theory]
    [MemberData(nameof(InvalidBoundaries))]
    public void Validate_RejectsJustOutsideBoundaries(PluginConfig config, string field, string value, string range)
    {
        var ex = Assert.Throws<PluginConfigValidationException>(() => config.Validate());

        var error = Assert.Single(ex.Errors);
        Assert.Equal(new PluginConfigError(field, value, range), error);
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"{field} is {value}", ex.Message, StringComparison.Ordinal);
        Assert.Contains(range, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("Plugin configuration is invalid: ", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.PluginId);
        Assert.Equal(ex.Errors, config.GetValidationErrors());
    }

    [Fact]
    public void Validate_NamesThePluginIdWhenGiven()
    {
        var config = WithCaching(c => c with { Workers = 0 });

        var ex = Assert.Throws<PluginConfigValidationException>(() => config.Validate("BigQueryPlugin"));

        Assert.Equal("BigQueryPlugin", ex.PluginId);
        Assert.StartsWith("Configuration of plugin 'BigQueryPlugin' is invalid: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Caching.Workers is 0, but it must be within 1–10000.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportsEveryViolation_InFieldOrder()
    {
        var config = new PluginConfig
        {
            ResourceQuotas = new Dictionary<ResourceNamespace, int> { ["q"] = 0 },
            ReadRateLimiter = new RateLimiterConfig { Qps = 0, Burst = 1 },
            WriteRateLimiter = new RateLimiterConfig { Qps = 200_000, Burst = 20_000 },
            Caching = new CachingConfig { Size = 1, ResyncInterval = TimeSpan.Zero, Workers = 0, MaxSystemFailures = -1 },
        };

        var ex = Assert.Throws<PluginConfigValidationException>(() => config.Validate("p"));

        Assert.Equal(
            [
                "ResourceQuotas[q]",
                "ReadRateLimiter.Qps",
                "ReadRateLimiter.Burst",
                "WriteRateLimiter.Qps",
                "WriteRateLimiter.Burst",
                "Caching.Size",
                "Caching.ResyncInterval",
                "Caching.Workers",
                "Caching.MaxSystemFailures",
            ],
            ex.Errors.Select(e => e.Field));
        foreach (var error in ex.Errors)
        {
            Assert.Contains(error.ToString(), ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_UnsetRateLimiter_FailsBothFields()
    {
        // A limiter built without values has Qps 0 and Burst 0, both outside Flyte's ranges.
        var config = new PluginConfig() with { ReadRateLimiter = new RateLimiterConfig() };

        var errors = config.GetValidationErrors();

        Assert.Equal(
            [new PluginConfigError("ReadRateLimiter.Qps", "0", "1–100000"), new PluginConfigError("ReadRateLimiter.Burst", "0", "5–10000")],
            errors);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Validate_RejectsNonFiniteQps(double qps)
    {
        var config = WithRead(r => r with { Qps = qps });

        var error = Assert.Single(config.GetValidationErrors());

        Assert.Equal("ReadRateLimiter.Qps", error.Field);
    }

    [Fact]
    public void PluginConfigError_ToString_NamesFieldValueAndRange()
    {
        var error = new PluginConfigError("Caching.Workers", "0", "1–10000");

        Assert.Equal("Caching.Workers is 0, but it must be within 1–10000.", error.ToString());
    }

    [Theory]
    [InlineData("fi-FI")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Validate_FormatsValuesWithInvariantCulture(string cultureName)
    {
        var previous = CultureInfo.CurrentCulture;
        var previousUi = CultureInfo.CurrentUICulture;
        try
        {
            var culture = CultureInfo.GetCultureInfo(cultureName);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;

            // Sanity: this culture would format these values differently.
            Assert.NotEqual("0.5", 0.5.ToString(culture));

            var config = new PluginConfig
            {
                ReadRateLimiter = new RateLimiterConfig { Qps = 0.5, Burst = 300 },
                WriteRateLimiter = new RateLimiterConfig { Qps = 123_456.25, Burst = 200 },
                Caching = new CachingConfig { Size = 1_000_000, ResyncInterval = TimeSpan.FromMilliseconds(1500) },
            };

            var ex = Assert.Throws<PluginConfigValidationException>(() => config.Validate("p"));

            Assert.Equal(
                [
                    new PluginConfigError("ReadRateLimiter.Qps", "0.5", "1–100000"),
                    new PluginConfigError("WriteRateLimiter.Qps", "123456.25", "1–100000"),
                    new PluginConfigError("Caching.Size", "1000000", "10–500000"),
                    new PluginConfigError("Caching.ResyncInterval", "00:00:01.5000000", "00:00:05–01:00:00"),
                ],
                ex.Errors);
            Assert.Contains("ReadRateLimiter.Qps is 0.5,", ex.Message, StringComparison.Ordinal);
            Assert.Contains("WriteRateLimiter.Qps is 123456.25,", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Caching.Size is 1000000,", ex.Message, StringComparison.Ordinal);
            Assert.Equal("1–100000", RateLimiterConfig.QpsRange.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    [InlineData(500_000, true)]
    [InlineData(500_001, false)]
    public void ValueRange_Contains_IsInclusive(int value, bool expected)
    {
        Assert.Equal(expected, CachingConfig.SizeRange.Contains(value));
    }
}
