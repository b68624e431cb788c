using AsyncPluginGen.Generators.Inspection;
using AsyncPluginGen.Generators.Model;
using AsyncPluginGen.Generators.Parsing;
using AsyncPluginGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AsyncPluginGen.Generators.Tests.Serialization;

/// <summary>
/// The meta-shape inspection recognises framework types and attributes as the compilation resolves them, not by their
/// names: a user's type that shares a name with a framework one in another namespace is the user's, and a framework
/// type the compilation does not reference matches nothing.
/// </summary>
public sealed class MetaShapeSymbolTests
{
    private const string MyLib = """
        namespace MyLib
        {
            public struct Guid { public int Value { get; set; } }
            public sealed class Uri { public int Value { get; set; } }
            public sealed class List<T> { public int Value { get; set; } }
            public sealed class Stream { public int Value { get; set; } }
            public interface IDisposable { void Dispose(); }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class JsonIgnoreAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class JsonConstructorAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.All)] public sealed class SetsRequiredMembersAttribute : System.Attribute { }
        }

        """;

    [Theory]
    [InlineData("System.Guid", nameof(MetaValueKind.Guid))]
    [InlineData("MyLib.Guid", nameof(MetaValueKind.Object))]
    [InlineData("System.Uri", nameof(MetaValueKind.Uri))]
    [InlineData("MyLib.Uri", nameof(MetaValueKind.Object))]
    [InlineData("System.Collections.Generic.List<int>", nameof(MetaValueKind.List))]
    [InlineData("MyLib.List<int>", nameof(MetaValueKind.Object))]
    public void A_type_named_like_a_framework_type_in_another_namespace_is_serialized_as_the_users(string type, string kind)
    {
        var result = Parse(MyLib + $"public sealed record M({type} Value);");

        Assert.Null(result.Reason);
        var shape = Assert.Single(result.Codec!.Shapes, s => s.Name == "M");
        Assert.Equal(kind, Assert.Single(shape.Members).Value.Kind.ToString());
    }

    [Theory]
    [InlineData("System.Text.Json.Serialization.JsonIgnore", null)]
    [InlineData("MyLib.JsonIgnore", "property 'Client': 'System.IO.Stream?' is a live object, not data")]
    public void Only_System_Text_Json_JsonIgnore_leaves_a_property_out(string attribute, string? reason) =>
        Assert.Equal(reason, Parse(MyLib + $"public sealed class M {{ public int Id {{ get; set; }} [{attribute}] public System.IO.Stream? Client {{ get; set; }} }}").Reason);

    [Theory]
    [InlineData("System.Text.Json.Serialization.JsonIgnore", null)]
    [InlineData("MyLib.JsonIgnore", "public field 'Seen' of 'M' is not serialized, only properties are, so its value would not be kept; make it a property or mark it [JsonIgnore]")]
    public void Only_System_Text_Json_JsonIgnore_excuses_a_public_field(string attribute, string? reason) =>
        Assert.Equal(reason, Parse(MyLib + $"public sealed class M {{ public int Id {{ get; set; }} [{attribute}] public int Seen; }}").Reason);

    [Theory]
    [InlineData("System.Text.Json.Serialization.JsonConstructor", null)]
    [InlineData("MyLib.JsonConstructor", "'M' has several public constructors; mark the one that rebuilds it with [JsonConstructor]")]
    public void Only_System_Text_Json_JsonConstructor_picks_the_constructor(string attribute, string? reason) =>
        Assert.Equal(reason, Parse(MyLib + $"public sealed class M {{ [{attribute}] public M(int id) {{ Id = id; }} public M() {{ }} public int Id {{ get; }} }}").Reason);

    [Theory]
    [InlineData("System.Diagnostics.CodeAnalysis.SetsRequiredMembers", null)]
    [InlineData("MyLib.SetsRequiredMembers", "property 'Id' of 'M' is both required and a constructor parameter; mark the constructor [SetsRequiredMembers]")]
    public void Only_the_framework_SetsRequiredMembers_counts(string attribute, string? reason) =>
        Assert.Equal(reason, Parse(MyLib + $"public sealed class M {{ [{attribute}] public M(int id) {{ Id = id; }} public required int Id {{ get; init; }} }}").Reason);

    [Theory]
    [InlineData("System.IDisposable", "property 'Handle': 'Handle' is a live object, not data")]
    [InlineData("System.IAsyncDisposable", "property 'Handle': 'Handle' is a live object, not data")]
    [InlineData("MyLib.IDisposable", null)]
    public void Only_the_framework_disposable_interfaces_make_a_live_object(string @interface, string? reason)
    {
        var dispose = @interface == "System.IAsyncDisposable" ? "public System.Threading.Tasks.ValueTask DisposeAsync() => default;" : "public void Dispose() { }";
        Assert.Equal(reason, Parse(MyLib + $"public sealed class Handle : {@interface} {{ public int Id {{ get; set; }} {dispose} }} public sealed record M(Handle Handle);").Reason);
    }

    [Theory]
    [InlineData("System.IO.Stream", "property 'Value': 'System.IO.Stream' is a live object, not data")]
    [InlineData("MyLib.Stream", null)]
    // With numeric IntPtr the display string of IntPtr is 'nint', which the name-based list never matched.
    [InlineData("System.IntPtr", "property 'Value': 'nint' is a live object, not data")]
    [InlineData("nuint", "property 'Value': 'nuint' is a live object, not data")]
    public void Live_objects_are_the_framework_types(string type, string? reason) =>
        Assert.Equal(reason, Parse(MyLib + $"public sealed record M({type} Value);").Reason);

    [Fact]
    public void Without_System_Text_Json_nothing_is_JsonIgnore_and_nothing_fails()
    {
        var full = GeneratorHarness.CreateCompilation(MyLib + "public sealed class M { public int Id { get; set; } [MyLib.JsonIgnore] public int Seen; }");
        var compilation = full.RemoveReferences(full.References.Where(r => full.GetAssemblyOrModuleSymbol(r) is IAssemblySymbol { Name: "System.Text.Json" }));
        Assert.Null(compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonIgnoreAttribute"));

        var result = MetaShapeParser.Parse(compilation.GetTypeByMetadataName("M")!, KnownTypes.From(compilation));

        Assert.Equal("public field 'Seen' of 'M' is not serialized, only properties are, so its value would not be kept; make it a property or mark it [JsonIgnore]", result.Reason);
    }

    [Fact]
    public void A_generic_type_from_a_nullable_oblivious_context_shares_the_shape_that_allows_null()
    {
        // Oblivious 'Box<string>' may hold null, as its member is read; it must not reuse the shape of a Box<string> that may not.
        var result = Parse("""
            public sealed record Box<T>(T Value);
            public sealed record M(Box<string> Strict, Box<string?> Loose, Old.O Old);
            namespace Old
            {
            #nullable disable
                public sealed record O(Box<string> Box);
            #nullable restore
            }
            """);

        Assert.Null(result.Reason);
        var shapes = result.Codec!.Shapes.ToDictionary(s => s.Name);
        var members = shapes["M"].Members.ToDictionary(m => m.Name, m => m.Value.Shape);
        Assert.NotEqual(members["Strict"], members["Loose"]);
        var old = Assert.Single(shapes["O"].Members).Value.Shape;
        Assert.Equal(members["Loose"], old);
        Assert.True(Assert.Single(shapes[old!].Members).Value.IsNullable);
    }

    private static MetaShapeResult Parse(string source)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return MetaShapeParser.Parse(compilation.GetTypeByMetadataName("M")!, KnownTypes.From(compilation));
    }
}
