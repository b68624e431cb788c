using System.Text;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>A minimal indented text writer; cheaper than building syntax trees and normalizing whitespace.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _builder = new();
    private int _depth;

    public IndentedWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append(' ', _depth * 4);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public IndentedWriter Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _depth++;
        return this;
    }

    public IndentedWriter Close(string suffix = "")
    {
        _depth--;
        return Line("}" + suffix);
    }

    public IndentedWriter Indent()
    {
        _depth++;
        return this;
    }

    public IndentedWriter Outdent()
    {
        _depth--;
        return this;
    }

    public override string ToString() => _builder.ToString();
}
