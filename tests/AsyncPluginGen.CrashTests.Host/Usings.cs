global using AsyncPluginGen;
global using AsyncPluginGen.Hosting;
