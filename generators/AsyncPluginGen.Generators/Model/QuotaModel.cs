namespace AsyncPluginGen.Generators.Model;

/// <summary>One [ResourceQuota].</summary>
internal sealed record QuotaModel(string Namespace, int Quota, long ProjectLimit, long NamespaceLimit);
