using System.Text;

namespace AsyncPluginGen.Analyzers.HotPath;

/// <summary>
/// The path from a call site to the offending operation: the helpers passed through, then the operation itself
/// (<c>Helper → HttpClient.GetAsync</c>). Immutable and shared: prefixing a caller allocates one node, so a memoized
/// summary is reused by every caller without copying.
/// </summary>
internal sealed class CallChain
{
    private const string Arrow = " → ";

    private CallChain(string name, CallChain? next)
    {
        Name = name;
        Next = next;
        Length = next is null ? 1 : next.Length + 1;
    }

    /// <summary>The first element: a helper's name, or the operation itself when the chain has one element.</summary>
    public string Name { get; }

    public CallChain? Next { get; }

    /// <summary>Number of elements; the shortest chain is the one reported.</summary>
    public int Length { get; }

    public static CallChain Leaf(string name) => new(name, null);

    public CallChain Prepend(string caller) => new(caller, this);

    /// <summary>The chain as the message shows it, starting from <paramref name="root"/> when there is a helper in between.</summary>
    public string Format(string root)
    {
        if (Next is null)
        {
            // A direct finding: the operation alone says it all, the diagnostic already sits on it.
            return Name;
        }

        var text = new StringBuilder(root);
        for (var node = this; node is not null; node = node.Next)
        {
            text.Append(Arrow).Append(node.Name);
        }

        return text.ToString();
    }

    public override string ToString() => Format(string.Empty);
}
