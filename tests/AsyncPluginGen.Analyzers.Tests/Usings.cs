global using Xunit;
global using AsyncPluginGen.Generators.Inspection;
