using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.Authoring.RegistrationNameAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>APG0016: the names in [assembly: PluginRegistration] must be C# identifiers.</summary>
public sealed class RegistrationNameTests
{
    [Theory]
    [InlineData("MethodName = \"AddContosoPlugins\"")]
    [InlineData("ClassName = \"ContosoPluginRegistration\"")]
    [InlineData("MethodName = \"Add_Contoso2\", ClassName = \"_Registration\"")]
    [InlineData("MethodName = \"AddÉquipePlugins\"")]
    [InlineData("MethodName = \"var\"")]
    [InlineData("MethodName = null")]
    [InlineData("MethodName = Names.Method")]
    [InlineData("")]
    public Task Valid_or_absent_names_are_fine(string arguments) => Verify.VerifyAsync(
        $"[assembly: AsyncPluginGen.PluginRegistration({arguments})]\n" +
        "internal static class Names { public const string Method = \"AddFromConstant\"; }\n");

    [Theory]
    [InlineData("MethodName", "\"\"", "")]
    [InlineData("MethodName", "\"Add Contoso\"", "Add Contoso")]
    [InlineData("MethodName", "\"2Add\"", "2Add")]
    [InlineData("MethodName", "\"class\"", "class")]
    [InlineData("MethodName", "\"@AddContoso\"", "@AddContoso")]
    [InlineData("ClassName", "\"Contoso.Registration\"", "Contoso.Registration")]
    [InlineData("ClassName", "\"Add-Plugins\"", "Add-Plugins")]
    public Task Invalid_names_are_reported_at_the_value(string property, string literal, string name) => Verify.VerifyAsync(
        $"[assembly: AsyncPluginGen.PluginRegistration({property} = {{|#0:{literal}|}})]\n",
        Verify.Diagnostic(Descriptors.InvalidRegistrationName).WithLocation(0).WithArguments(property, name));

    [Fact]
    public Task Both_names_are_checked() => Verify.VerifyAsync(
        "[assembly: AsyncPluginGen.PluginRegistration(MethodName = {|#0:\"Add Me\"|}, ClassName = {|#1:\"int\"|})]\n",
        Verify.Diagnostic(Descriptors.InvalidRegistrationName).WithLocation(0).WithArguments("MethodName", "Add Me"),
        Verify.Diagnostic(Descriptors.InvalidRegistrationName).WithLocation(1).WithArguments("ClassName", "int"));

    [Fact]
    public Task Another_attribute_with_the_same_property_names_is_not_checked() => Verify.VerifyAsync(
        "[assembly: Other(MethodName = \"not an identifier\")]\n" +
        "[System.AttributeUsage(System.AttributeTargets.Assembly)] internal sealed class OtherAttribute : System.Attribute { public string? MethodName { get; set; } }\n");
}
