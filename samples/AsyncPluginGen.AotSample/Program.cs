using AsyncPluginGen.AotSample;

// Read the clock first, so --timings can tell the runtime's start-up from the sample's own.
var clock = MainClock.AtMain();
return await AotSampleApp.RunAsync(args, Console.Out, Console.Error, clock, CancellationToken.None).ConfigureAwait(false);
