using AsyncPluginGen.Demo;

// Ctrl+C interrupts the run; the demo then aborts what is in flight (so no remote job is left running) and still
// prints its summary. A second Ctrl+C ends the process at once.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!interrupted.IsCancellationRequested)
    {
        e.Cancel = true;
        interrupted.Cancel();
    }
};

return await DemoApp.RunAsync(args, Console.Out, Console.Error, interrupted.Token).ConfigureAwait(false);
