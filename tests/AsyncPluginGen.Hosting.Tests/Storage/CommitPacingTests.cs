namespace AsyncPluginGen.Hosting.Tests.Storage;

/// <summary>The journal paces when batches become durable: the next cut comes early by the time a save is expected to take.</summary>
public sealed class CommitPacingTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);

    private static TimeSpan Ms(double milliseconds) => TimeSpan.FromMilliseconds(milliseconds);

    [Fact]
    public void A_store_that_takes_no_time_gets_one_cut_per_interval()
    {
        Assert.Equal(Ms(5), CommitPacing.Wait(Interval, TimeSpan.Zero, TimeSpan.Zero));
        Assert.Equal(Ms(3), CommitPacing.Wait(Interval, TimeSpan.Zero, Ms(2)));
    }

    [Fact]
    public void A_store_that_takes_time_is_cut_early_by_that_time_so_its_batch_is_durable_when_the_interval_ends()
    {
        // Saves take 2 ms: the last cut was 1 ms ago (and its save ended then), so the next is cut 2 ms from now, at 3 ms,
        // and durable at 5 ms, one interval after the last cut, like the store that takes no time.
        Assert.Equal(Ms(2), CommitPacing.Wait(Interval, Ms(2), Ms(1)));
    }

    [Fact]
    public void A_store_slower_than_the_interval_is_written_back_to_back()
    {
        Assert.Equal(TimeSpan.Zero, CommitPacing.Wait(Interval, Ms(4), Ms(4)));
        Assert.Equal(TimeSpan.Zero, CommitPacing.Wait(Interval, Interval, TimeSpan.Zero));
        Assert.Equal(TimeSpan.Zero, CommitPacing.Wait(Interval, Ms(1), Ms(9)));
    }

    [Fact]
    public void The_expected_save_starts_at_the_first_save_then_weights_the_latest_by_three_tenths()
    {
        var first = CommitPacing.Expect(TimeSpan.Zero, Ms(2), Interval);
        Assert.Equal(Ms(2), first);

        // 0.7 × 2 ms + 0.3 × 4 ms = 2.6 ms: one slow save moves the estimate, it does not replace it.
        Assert.Equal(2.6, CommitPacing.Expect(first, Ms(4), Interval).TotalMilliseconds, precision: 9);
    }

    [Fact]
    public void The_expected_save_never_exceeds_the_interval()
    {
        Assert.Equal(Interval, CommitPacing.Expect(TimeSpan.Zero, Ms(40), Interval));
        Assert.Equal(Interval, CommitPacing.Expect(Ms(4.9), Ms(400), Interval));
    }
}
