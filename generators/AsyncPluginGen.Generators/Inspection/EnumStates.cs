using System.Collections.Generic;
using AsyncPluginGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Inspection;

/// <summary>What <see cref="EnumStateInspector"/> found in a state enum.</summary>
internal sealed class EnumStates
{
    public EnumStates(EquatableArray<PhaseCaseModel>? cases, EquatableArray<long> caseValues, EquatableArray<string> unmappedMembers, List<IFieldSymbol> usedFields)
    {
        Cases = cases;
        CaseValues = caseValues;
        UnmappedMembers = unmappedMembers;
        UsedFields = usedFields;
    }

    /// <summary>One case per distinct mapped value, in declaration order; null when a mapping is unusable.</summary>
    public EquatableArray<PhaseCaseModel>? Cases { get; }

    /// <summary>The value of each case, in the order of <see cref="Cases"/>; empty when one does not fit a <see langword="long"/>.</summary>
    public EquatableArray<long> CaseValues { get; }

    /// <summary>The members no [Phase] maps, one per distinct value.</summary>
    public EquatableArray<string> UnmappedMembers { get; }

    /// <summary>The members the generated Status names, for the usage scan.</summary>
    public List<IFieldSymbol> UsedFields { get; }
}
