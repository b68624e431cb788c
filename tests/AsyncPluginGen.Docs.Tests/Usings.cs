global using AsyncPluginGen.Docs.Tests.Infrastructure;
global using AsyncPluginGen.Tests.Shared;
global using Xunit;
