namespace AsyncPluginGen.Flyte.Agent;

/// <summary>A request the agent cannot serve as sent; answered with <c>INVALID_ARGUMENT</c> and this message.</summary>
internal sealed class AgentRequestException : Exception
{
    public AgentRequestException(string message)
        : base(message)
    {
    }

    public AgentRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
