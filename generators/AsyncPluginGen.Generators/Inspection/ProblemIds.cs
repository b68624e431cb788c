namespace AsyncPluginGen.Generators.Inspection;

/// <summary>
/// The ids of the problems the inspection finds: the analyzers' authoring diagnostics, which report them through
/// descriptors of the same ids (a test checks that every id here has one).
/// </summary>
internal static class ProblemIds
{
    public const string PluginNotPartial = "APG0001";
    public const string UnsupportedPluginDeclaration = "APG0002";
    public const string MissingHandler = "APG0003";
    public const string UnusableHandlerSignature = "APG0004";
    public const string AmbiguousHandlers = "APG0005";
    public const string MissingDelete = "APG0006";
    public const string InvalidTaskType = "APG0008";
    public const string ConfigValueOutOfRange = "APG0009";
    public const string UnmappedEnumState = "APG0010";
    public const string StringStatesWithoutDefault = "APG0011";
    public const string NoStatusSource = "APG0012";
    public const string InvalidPhaseSource = "APG0013";
    public const string ResourceMetaNotSerializable = "APG0014";
    public const string InvalidPhaseMapping = "APG0015";
    public const string IgnoredTaskInfoSource = "APG0018";
}
