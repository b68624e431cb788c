using Microsoft.Extensions.Logging;

namespace AsyncPluginGen.Hosting;

/// <summary>The host's phase observers (<see cref="PluginHost.PhaseChanged"/>): a failing observer is logged, never fatal.</summary>
internal sealed class PhaseFeed(ILogger logger)
{
    public event Action<PhaseEvent>? Changed;

    public void Publish(PhaseEvent phaseEvent)
    {
        try
        {
            Changed?.Invoke(phaseEvent);
        }
        catch (Exception exception)
        {
            HostLog.ObserverFailed(logger, exception, phaseEvent.ExecutionId.GeneratedName);
        }
    }
}
