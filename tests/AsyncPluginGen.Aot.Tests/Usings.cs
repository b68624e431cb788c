global using Xunit;
global using AsyncPluginGen.Tests.Shared;
