using System.Runtime.CompilerServices;

// The host's deterministic tests check the engine's pure pieces (the step transition table) and per-task state directly.
[assembly: InternalsVisibleTo("AsyncPluginGen.Hosting.Tests")]
