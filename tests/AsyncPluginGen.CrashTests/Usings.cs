global using Xunit;

// One crash test, on the real clock, with child processes: nothing else should compete for the two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
