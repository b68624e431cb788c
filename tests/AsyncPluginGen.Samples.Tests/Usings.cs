global using AsyncPluginGen;
global using AsyncPluginGen.Hosting;
global using Xunit;
