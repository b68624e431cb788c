using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>APG0001 and APG0002: whether the class can carry the generated contract.</summary>
public sealed class PluginClassTests
{
    [Fact]
    public Task Valid_plugin_has_no_diagnostic() => Verify.VerifyAsync(Plugin.Source());

    [Fact]
    public Task Valid_sync_plugin_has_no_diagnostic() => Verify.VerifyAsync(Plugin.Source(
        attributes: "[SyncPlugin(\"s\")]",
        members: "    public PhaseInfo Do(TaskContext task) => PhaseInfo.Success();\n"));

    [Fact]
    public Task Class_without_attribute_is_not_checked() => Verify.VerifyAsync(Plugin.Source(attributes: "", declaration: "public sealed class P", members: "")
        .Replace("{|#0:P|}", "P", StringComparison.Ordinal));

    [Fact]
    public Task Class_that_is_not_partial_is_reported_at_its_name() =>
        Verify.VerifyAsync(Plugin.Source(declaration: "public sealed class {|#0:P|}"),
            Verify.Diagnostic(Descriptors.PluginNotPartial).WithLocation(0).WithArguments("P"));

    [Fact]
    public Task Record_plugin_that_is_not_partial_is_reported() =>
        Verify.VerifyAsync(Plugin.Source(declaration: "public sealed record {|#0:P|}(string Region)"),
            Verify.Diagnostic(Descriptors.PluginNotPartial).WithLocation(0).WithArguments("P"));

    [Fact]
    public Task Partial_class_split_across_files_is_valid() => Verify.VerifyAsync(
        [
            Plugin.Source(members: Plugin.Create, declaration: "public sealed partial class P"),
            Plugin.Usings + "public sealed partial class P\n{\n" + Plugin.Get + Plugin.Delete + "}\n",
        ],
        null);

    [Theory]
    [InlineData("public sealed partial class {|#0:P|}<T>", "generic classes are not supported; declare one non-generic plugin class per task type")]
    [InlineData("public abstract partial class {|#0:P|}", "the host creates plugin instances, so a plugin cannot be abstract; remove 'abstract' or annotate a concrete class")]
    public Task Unsupported_class_shapes_are_reported(string declaration, string reason) =>
        Verify.VerifyAsync(Plugin.Source(declaration: declaration),
            Verify.Diagnostic(Descriptors.UnsupportedPluginDeclaration).WithLocation(0).WithArguments("P", reason));

    [Fact]
    public Task Static_class_is_reported() => Verify.VerifyAsync(
        Plugin.Source(
            declaration: "public static partial class {|#0:P|}",
            members: """
                public static Meta Create(TaskContext task) => new(task.UniqueName);
                public static Res Get(Meta meta) => new(State.Done, null);
                public static void Delete(Meta meta) { }

            """),
        Verify.Diagnostic(Descriptors.UnsupportedPluginDeclaration).WithLocation(0)
            .WithArguments("P", "the host creates plugin instances, so a plugin cannot be static; remove 'static' (handlers may stay static)"));

    [Fact]
    public Task Nested_class_is_reported() => Verify.VerifyAsync(
        Plugin.Usings + Plugin.Types + "public static partial class Outer\n{\n[AsyncPlugin(\"t\")]\npublic sealed partial class {|#0:P|}\n{\n" + Plugin.Handlers + "}\n}\n",
        Verify.Diagnostic(Descriptors.UnsupportedPluginDeclaration).WithLocation(0)
            .WithArguments("P", "nested classes are not supported; move it out of 'Outer' to namespace level"));

    [Fact]
    public Task Both_plugin_attributes_are_reported() => Verify.VerifyAsync(
        Plugin.Source(attributes: "[AsyncPlugin(\"t\")]\n[SyncPlugin(\"s\")]"),
        Verify.Diagnostic(Descriptors.UnsupportedPluginDeclaration).WithLocation(0)
            .WithArguments("P", "it has both [AsyncPlugin] and [SyncPlugin]; keep the one that matches the remote API"));

    [Fact]
    public Task Plugin_deriving_from_a_plugin_is_reported_on_the_derived_class() => Verify.VerifyAsync(
        Plugin.Source(declaration: "public partial class Base") + """
            [AsyncPlugin("derived")]
            public sealed partial class {|#0:Derived|} : Base
            {
            }
            """,
        Verify.Diagnostic(Descriptors.UnsupportedPluginDeclaration).WithLocation(0)
            .WithArguments("Derived", "it derives from plugin 'Base', and a plugin contract cannot be inherited; derive both from a plain base class instead"));

    [Fact]
    public Task Member_named_like_a_generated_member_is_reported() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Handlers + "    public static int AsyncPluginMetaSerializer => 1;\n"),
        Verify.Diagnostic(Descriptors.UnsupportedPluginDeclaration).WithLocation(0)
            .WithArguments("P", "it declares 'AsyncPluginMetaSerializer', a member the generator adds; rename that member"));

    [Fact]
    public Task Members_named_like_the_formerly_generated_descriptor_and_config_are_the_authors() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Handlers + "    public static int AsyncPluginDescriptor => 1;\n    public int AsyncPluginConfig => 2;\n"));

    [Fact]
    public Task Class_without_accessible_constructor_is_reported() => Verify.VerifyAsync(
        Plugin.Source(members: "    private P() { }\n" + Plugin.Handlers),
        Verify.Diagnostic(Descriptors.UnsupportedPluginDeclaration).WithLocation(0)
            .WithArguments("P", "it has no public or internal constructor for the generated factory to call; add one"));

    [Fact]
    public Task Primary_constructor_dependencies_and_required_services_are_fine() => Verify.VerifyAsync(
        Plugin.Source(
            declaration: "public sealed partial class P(Client client)",
            members: Plugin.Handlers + "    public required Client Other { get; init; }\n",
            extra: "public sealed class Client { }\n"));

    [Fact]
    public Task Required_value_type_member_cannot_be_injected() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Handlers + "    public required int Limit { get; init; }\n"),
        Verify.Diagnostic(Descriptors.UnsupportedPluginDeclaration).WithLocation(0)
            .WithArguments("P", "required member 'Limit' cannot be set from dependency injection (only settable members of reference type can); set it in a constructor marked [SetsRequiredMembers]"));
}
