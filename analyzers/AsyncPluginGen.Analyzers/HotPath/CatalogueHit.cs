namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>A catalogue match: the operation's name for the chain, what it is for the message, and (blocking only) its kind.</summary>
internal readonly struct CatalogueHit
{
    public CatalogueHit(string leaf, string description, string kind = "")
    {
        Leaf = leaf;
        Description = description;
        Kind = kind;
    }

    public string Leaf { get; }

    public string Description { get; }

    public string Kind { get; }
}
