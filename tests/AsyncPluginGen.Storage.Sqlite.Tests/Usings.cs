global using AsyncPluginGen.Hosting;
global using Xunit;
