using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using AsyncPluginGen.Package.Tests.Infrastructure;
using AsyncPluginGen.Tests.Shared;
using Xunit;

namespace AsyncPluginGen.Package.Tests;

/// <summary>What <c>dotnet pack</c> puts in the two packages (AsyncPluginGen.Abstractions and the host, AsyncPluginGen), read from the .nupkg files themselves.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageContentsTests(PackageFeed feed)
{
    private static readonly string[] RoslynComponents =
    [
        "analyzers/dotnet/cs/AsyncPluginGen.Analyzers.CodeFixes.dll",
        "analyzers/dotnet/cs/AsyncPluginGen.Analyzers.dll",
        "analyzers/dotnet/cs/AsyncPluginGen.Generators.dll",
    ];

    [Fact]
    public void Pack_reports_no_warnings()
    {
        var warnings = (feed.Pack.Output + "\n" + feed.Pack.Error).Split('\n')
            .Where(line => line.Contains("warning", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(warnings.Count == 0, "dotnet pack warned:\n" + string.Join("\n", warnings));
    }

    [Fact]
    public void Abstractions_package_holds_the_contract_in_lib_and_the_generator_analyzers_and_code_fixes_under_analyzers_dotnet_cs()
    {
        string[] expected =
        [
            "AsyncPluginGen.Abstractions.nuspec",
            "README.md",
            .. RoslynComponents,
            "lib/net8.0/AsyncPluginGen.Abstractions.dll",
            "lib/net8.0/AsyncPluginGen.Abstractions.xml",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Content(feed.AbstractionsPackagePath));
    }

    [Fact]
    public void Host_package_holds_the_host_only_and_no_Roslyn_component()
    {
        string[] expected = ["AsyncPluginGen.nuspec", "README.md", "lib/net8.0/AsyncPluginGen.dll", "lib/net8.0/AsyncPluginGen.xml"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Content(feed.PackagePath));
    }

    [Theory]
    [InlineData("AsyncPluginGen")]
    [InlineData("AsyncPluginGen.Abstractions")]
    public void Nuspec_carries_id_version_license_readme_repository_and_tags(string id)
    {
        var metadata = ReadNuspec(feed.PackageFile(id), id);

        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(RepositoryRoot.Version, Value(metadata, "version"));
        var license = Element(metadata, "license");
        Assert.Equal(("expression", "MIT"), ((string?)license.Attribute("type"), license.Value));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.StartsWith("https://", Value(metadata, "projectUrl"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));

        var repository = Element(metadata, "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit") ?? "");

        var tags = Value(metadata, "tags").Split(' ');
        Assert.Contains("source-generator", tags);
        Assert.Contains("roslyn", tags);
        Assert.Contains("flyte", tags);
    }

    [Theory]
    [InlineData("AsyncPluginGen", "AsyncPluginGen")]
    [InlineData("AsyncPluginGen.Abstractions", "AsyncPluginGen.Abstractions")]
    public void Readme_in_the_package_is_the_package_readme(string id, string projectFolder)
    {
        using var package = ZipFile.OpenRead(feed.PackageFile(id));
        using var reader = new StreamReader(package.GetEntry("README.md")!.Open());
        var packed = reader.ReadToEnd();

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", projectFolder, "PACKAGE.md")), packed);
    }

    [Fact]
    public void Abstractions_depend_on_dependency_injection_abstractions_only()
    {
        var dependencies = Dependencies(feed.AbstractionsPackagePath, "AsyncPluginGen.Abstractions");

        Assert.Equal(["Microsoft.Extensions.DependencyInjection.Abstractions"], dependencies.Select(d => (string)d.Attribute("id")!));
    }

    [Fact]
    public void Host_depends_on_the_abstractions_of_the_same_version_with_their_analyzers_and_on_runtime_libraries_only()
    {
        var dependencies = Dependencies(feed.PackagePath, "AsyncPluginGen");
        var abstractions = Assert.Single(dependencies, d => (string?)d.Attribute("id") == "AsyncPluginGen.Abstractions");

        Assert.Equal(RepositoryRoot.Version, (string?)abstractions.Attribute("version"));
        // NuGet's default would exclude "Build,Analyzers": the generator would then never reach an application.
        Assert.DoesNotContain("Analyzers", (string?)abstractions.Attribute("exclude") ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.All(dependencies.Select(d => (string)d.Attribute("id")!).Where(id => id != "AsyncPluginGen.Abstractions"), id => Assert.True(
            id.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || id == "System.Threading.RateLimiting",
            $"unexpected dependency {id}"));
        Assert.DoesNotContain(dependencies, d => ((string)d.Attribute("id")!).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void Roslyn_components_target_Roslyn_4_8_and_neither_library_references_Roslyn()
    {
        using var abstractions = ZipFile.OpenRead(feed.AbstractionsPackagePath);
        foreach (var component in RoslynComponents)
        {
            var roslyn = AssemblyReferences(abstractions, component).Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, r => Assert.True(r.Version <= new Version(4, 8, 0, 0), $"{component} references {r.Name} {r.Version}, newer than 4.8: older compilers could not load it."));
        }

        using var host = ZipFile.OpenRead(feed.PackagePath);
        Assert.DoesNotContain(AssemblyReferences(abstractions, "lib/net8.0/AsyncPluginGen.Abstractions.dll"), r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.DoesNotContain(AssemblyReferences(host, "lib/net8.0/AsyncPluginGen.dll"), r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("AsyncPluginGen")]
    [InlineData("AsyncPluginGen.Abstractions")]
    public void Library_in_the_package_is_marked_trimmable(string id)
    {
        // IsTrimmable puts [assembly: AssemblyMetadata("IsTrimmable", "True")] in the assembly: the trimmer then trims
        // it member by member in an application that publishes trimmed or Native AOT.
        using var package = ZipFile.OpenRead(feed.PackageFile(id));
        var metadata = AssemblyMetadataAttributes(package, $"lib/net8.0/{id}.dll");

        Assert.Contains(("IsTrimmable", "True"), metadata);
    }

    [Theory]
    [InlineData("AsyncPluginGen")]
    [InlineData("AsyncPluginGen.Abstractions")]
    public void Symbols_package_holds_the_library_pdb(string id)
    {
        var path = feed.SymbolsPackageFile(id);
        Assert.True(File.Exists(path), $"no symbols package at {path}");
        using var symbols = ZipFile.OpenRead(path);
        var pdb = symbols.GetEntry($"lib/net8.0/{id}.pdb");
        Assert.NotNull(pdb);

        // A portable PDB (what symbol servers take) starts with the metadata signature "BSJB".
        using var stream = pdb.Open();
        var signature = new byte[4];
        stream.ReadExactly(signature);
        Assert.Equal("BSJB"u8.ToArray(), signature);
    }

    private static string[] Content(string packagePath)
    {
        using var package = ZipFile.OpenRead(packagePath);
        return package.Entries
            .Select(e => e.FullName)
            .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static List<XElement> Dependencies(string packagePath, string id) =>
        Element(ReadNuspec(packagePath, id), "dependencies").Descendants().Where(e => e.Name.LocalName == "dependency").ToList();

    private static XElement ReadNuspec(string packagePath, string id)
    {
        using var package = ZipFile.OpenRead(packagePath);
        using var stream = package.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement Element(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name) ?? throw new Xunit.Sdk.XunitException($"the nuspec has no <{name}>");

    private static string Value(XElement metadata, string name) => Element(metadata, name).Value;

    private static List<(string Name, Version Version)> AssemblyReferences(ZipArchive package, string entry) =>
        ReadMetadata(package, entry, reader => reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h))
            .Select(r => (reader.GetString(r.Name), r.Version))
            .ToList());

    private static List<(string Key, string Value)> AssemblyMetadataAttributes(ZipArchive package, string entry) =>
        ReadMetadata(package, entry, reader => reader.GetAssemblyDefinition().GetCustomAttributes()
            .Select(h => reader.GetCustomAttribute(h))
            .Where(a => a.Constructor.Kind == HandleKind.MemberReference
                && reader.GetMemberReference((MemberReferenceHandle)a.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && reader.GetString(reader.GetTypeReference((TypeReferenceHandle)parent).Name) == "AssemblyMetadataAttribute")
            .Select(a => a.DecodeValue(new StringArguments()))
            .Select(v => ((string)v.FixedArguments[0].Value!, (string)v.FixedArguments[1].Value!))
            .ToList());

    private static T ReadMetadata<T>(ZipArchive package, string entry, Func<MetadataReader, T> read)
    {
        using var buffer = new MemoryStream();
        using (var stream = package.GetEntry(entry)?.Open() ?? throw new Xunit.Sdk.XunitException($"no {entry} in the package"))
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        return read(pe.GetMetadataReader());
    }

    // Decodes attribute arguments of the one shape AssemblyMetadataAttribute has: two strings.
    private sealed class StringArguments : ICustomAttributeTypeProvider<Type>
    {
        public Type GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode == PrimitiveTypeCode.String ? typeof(string) : typeof(object);

        public Type GetSystemType() => typeof(Type);

        public Type GetSZArrayType(Type elementType) => elementType.MakeArrayType();

        public Type GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => typeof(object);

        public Type GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => typeof(object);

        public Type GetTypeFromSerializedName(string name) => typeof(object);

        public PrimitiveTypeCode GetUnderlyingEnumType(Type type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(Type type) => type == typeof(Type);
    }
}
