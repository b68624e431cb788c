using System.Threading.RateLimiting;

namespace AsyncPluginGen.Hosting;

/// <summary>
/// A token bucket refilled by the host's clock rather than by its own timer, so time comes from
/// <see cref="TimeProvider"/> and tests are deterministic. Fractional rates accumulate between ticks.
/// </summary>
internal sealed class ClockedTokenBucket : IAsyncDisposable
{
    private readonly TokenBucketRateLimiter _limiter;
    private readonly double _qps;
    private readonly int _burst;
    private DateTimeOffset _last;
    private double _credit;

    public ClockedTokenBucket(RateLimiterConfig config, DateTimeOffset now)
    {
        _qps = config.Qps;
        _burst = config.Burst;
        _last = now;
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = config.Burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(1),
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Waits for a token. Throws when the host stops.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException("The rate limiter refused a permit although its queue is unbounded.");
        }
    }

    public void Refill(DateTimeOffset now)
    {
        var elapsed = (now - _last).TotalSeconds;
        _last = now;
        if (elapsed <= 0)
        {
            return;
        }

        _credit = Math.Min(_credit + (elapsed * _qps), _burst);
        while (_credit >= 1)
        {
            _credit -= 1;
            _limiter.TryReplenish();
        }
    }

    public ValueTask DisposeAsync() => _limiter.DisposeAsync();
}
