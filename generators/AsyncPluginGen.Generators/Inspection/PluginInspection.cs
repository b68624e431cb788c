using System.Collections.Generic;
using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>What the inspection of one plugin class found, besides its problems (which went to the caller's <see cref="Problems"/>).</summary>
internal sealed class PluginInspection
{
    public PluginInspection(PluginModel? model, IReadOnlyList<string> claimedTaskTypes)
    {
        Model = model;
        ClaimedTaskTypes = claimedTaskTypes;
    }

    /// <summary>What the generator emits; null when it cannot implement the class (the problems say why).</summary>
    public PluginModel? Model { get; }

    /// <summary>The valid task types the class declares, for the compilation-wide duplicate check (APG0007).</summary>
    public IReadOnlyList<string> ClaimedTaskTypes { get; }
}
