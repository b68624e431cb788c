using AsyncPluginGen.Demo;

// Ctrl+C interrupts the run and still prints its summary. With a task store (the default) the tasks in flight stay in
// it and the next run recovers them; with --no-store they are aborted, so no remote job is left running. A second
// Ctrl+C ends the process at once.
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
