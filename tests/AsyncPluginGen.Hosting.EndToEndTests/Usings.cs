global using Xunit;

// The end-to-end tests measure request rates on the real clock: they run one at a time so they do not compete for
// the machine's two cores with each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
