using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.Authoring;

/// <summary>APG0003 and APG0006 name a method whose name is a likely misspelling of the missing handler.</summary>
public sealed class NearMissTests
{
    private const string CreateExample = "public async ValueTask<Created<TMeta, TResource>> CreateAsync(TaskContext task, CancellationToken cancellationToken)";
    private const string GetExample = "public async ValueTask<TResource> GetAsync(Meta meta, CancellationToken cancellationToken)";
    private const string DeleteExample = "public async ValueTask DeleteAsync(Meta meta, DeleteReason reason, CancellationToken cancellationToken)";

    private static string Hint(string found, string meant) => $" (did you mean '{meant}'? '{found}' is not recognised as one)";

    [Fact]
    public Task A_transposed_get_name_is_suggested() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Create + Plugin.Get.Replace("GetAsync", "GetAsnyc", StringComparison.Ordinal) + Plugin.Delete),
        Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0).WithArguments("P", "Get", GetExample, Hint("GetAsnyc", "GetAsync")));

    [Fact]
    public Task A_create_name_missing_a_letter_is_suggested() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Create.Replace("CreateAsync", "CreatAsync", StringComparison.Ordinal) + Plugin.Get + Plugin.Delete),
        Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0).WithArguments("P", "Create", CreateExample, Hint("CreatAsync", "CreateAsync")));

    [Fact]
    public Task A_truncated_delete_name_is_suggested() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Create + Plugin.Get + Plugin.Delete.Replace("DeleteAsync", "DeleteAsyn", StringComparison.Ordinal)),
        Verify.Diagnostic(Descriptors.MissingDelete).WithLocation(0).WithArguments("P", DeleteExample, Hint("DeleteAsyn", "DeleteAsync")));

    [Fact]
    public Task A_name_differing_only_in_case_is_suggested() => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Create + Plugin.Get.Replace("GetAsync", "getAsync", StringComparison.Ordinal) + Plugin.Delete),
        Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0).WithArguments("P", "Get", GetExample, Hint("getAsync", "GetAsync")));

    [Theory]
    [InlineData("SetAsync")] // a different first letter is a different word
    [InlineData("GetAll")]
    [InlineData("Fetch")]
    [InlineData("GetStatusAsync")]
    [InlineData("Go")] // two edits from a three-letter name: too far for a short name
    public Task Other_names_get_no_suggestion(string name) => Verify.VerifyAsync(
        Plugin.Source(members: Plugin.Create + Plugin.Get.Replace("GetAsync", name, StringComparison.Ordinal) + Plugin.Delete),
        Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0).WithArguments("P", "Get", GetExample, ""));

    [Theory]
    [InlineData("GetAsnyc", "GetAsync", 1)]
    [InlineData("CreatAsync", "CreateAsync", 1)]
    [InlineData("DeleteAsyn", "DeleteAsync", 1)]
    [InlineData("GETASYNC", "GetAsync", 0)]
    [InlineData("GteAsnyc", "GetAsync", 2)]
    [InlineData("Set", "Get", 1)]
    [InlineData("", "Get", 3)]
    public void Distance_is_case_insensitive_optimal_string_alignment(string a, string b, int distance) =>
        Assert.Equal(distance, NearMiss.Distance(a, b));
}
