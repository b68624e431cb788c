using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AsyncPluginGen.Analyzers.Tests;

/// <summary>
/// Keeps the catalogue of diagnostics consistent: every descriptor has a stable id, a help link to its page,
/// a page with examples and configuration, a release-tracking row, an entry in the docs index, a well-formed
/// message, and an analyzer that reports it.
/// </summary>
public sealed partial class DiagnosticCatalogueTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    private static readonly string DiagnosticsDocs = Path.Combine(RepositoryRoot, "docs", "diagnostics");

    private static readonly string AnalyzersProject = Path.Combine(RepositoryRoot, "analyzers", "AsyncPluginGen.Analyzers");

    /// <summary>The ids of every descriptor, one test case each.</summary>
    public static TheoryData<string> Ids
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var descriptor in Descriptors.All)
            {
                data.Add(descriptor.Id);
            }

            return data;
        }
    }

    /// <summary>The Status hot-path rules that read <see cref="StatusAnalysisOptions"/>.</summary>
    public static TheoryData<string> HotPathIds => new()
    {
        DiagnosticIds.NetworkCallInStatus,
        DiagnosticIds.BlockingCallInStatus,
        DiagnosticIds.AllocationInStatus,
        DiagnosticIds.UncheckedCallInStatus,
        DiagnosticIds.StatusCheckIncomplete,
    };

    [Fact]
    public void Catalogue_is_not_empty_and_has_no_null_entry()
    {
        Assert.NotEmpty(Descriptors.All);
        Assert.All(Descriptors.All, d => Assert.NotNull(d));
    }

    [Fact]
    public void Ids_are_unique_and_well_formed()
    {
        var ids = Descriptors.All.Select(d => d.Id).ToList();
        Assert.All(ids, id => Assert.Matches(IdPattern(), id));
        var duplicates = ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Duplicate ids: " + string.Join(", ", duplicates));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_points_to_the_rule_page(string id)
    {
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", Descriptor(id).HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_page_exists_with_title_sections_and_severity_key(string id)
    {
        var descriptor = Descriptor(id);
        var path = Path.Combine(DiagnosticsDocs, id + ".md");
        Assert.True(File.Exists(path), $"Missing rule page {path}");

        var lines = File.ReadAllLines(path);
        Assert.NotEmpty(lines);
        Assert.Equal($"# {id}: {Title(descriptor)}", lines[0]);

        var text = File.ReadAllText(path);
        foreach (var expected in new[] { "## Bad", "## Good", "## Configuration", $"dotnet_diagnostic.{id}.severity" })
        {
            Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{id}.md does not contain '{expected}'");
        }
    }

    [Theory]
    [MemberData(nameof(HotPathIds))]
    public void Hot_path_rule_pages_document_every_status_option(string id)
    {
        var keys = typeof(StatusAnalysisOptions)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.Contains(StatusAnalysisOptions.MaxDepthKey, keys);
        Assert.Contains(StatusAnalysisOptions.UnknownCallsKey, keys);
        Assert.Contains(StatusAnalysisOptions.InProcessDatabasesKey, keys);
        Assert.Contains(StatusAnalysisOptions.AllowedMembersKey, keys);

        var text = File.ReadAllText(Path.Combine(DiagnosticsDocs, id + ".md"));
        foreach (var key in keys.Append("[AllowInStatus("))
        {
            Assert.True(text.Contains(key, StringComparison.Ordinal), $"{id}.md does not mention '{key}'");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Unshipped_release_row_matches_the_descriptor(string id)
    {
        var descriptor = Descriptor(id);
        var rows = ReleaseRows(Path.Combine(AnalyzersProject, "AnalyzerReleases.Unshipped.md")).Where(r => r.Id == id).ToList();
        Assert.True(rows.Count == 1, $"AnalyzerReleases.Unshipped.md has {rows.Count} rows for {id}; expected 1");
        Assert.Equal(descriptor.Category, rows[0].Category);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), rows[0].Severity);
    }

    [Fact]
    public void Every_release_row_has_a_descriptor()
    {
        var known = Descriptors.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            var path = Path.Combine(AnalyzersProject, file);
            if (!File.Exists(path))
            {
                continue;
            }

            var orphans = ReleaseRows(path).Select(r => r.Id).Where(id => !known.Contains(id)).ToList();
            Assert.True(orphans.Count == 0, $"{file} has rows without a descriptor: {string.Join(", ", orphans)}");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Docs_index_lists_the_rule(string id)
    {
        var index = File.ReadAllLines(Path.Combine(DiagnosticsDocs, "README.md"));
        var row = index.FirstOrDefault(l => l.StartsWith($"| [{id}]({id}.md) |", StringComparison.Ordinal));
        Assert.True(row is not null, $"docs/diagnostics/README.md has no row linking {id}.md");
        Assert.Contains($"| {Title(Descriptor(id))} |", row, StringComparison.Ordinal);
        Assert.Contains($"| {Descriptor(id).DefaultSeverity} |", row, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Readme_rule_table_lists_the_rule_with_its_severity(string id)
    {
        var readme = File.ReadAllLines(Path.Combine(DiagnosticsDocs, "..", "..", "README.md"));
        var row = readme.FirstOrDefault(l => l.StartsWith($"| [{id}](docs/diagnostics/{id}.md) |", StringComparison.Ordinal));
        Assert.True(row is not null, $"README.md's rule table has no row linking docs/diagnostics/{id}.md");
        Assert.EndsWith($"| {Descriptor(id).DefaultSeverity} |", row, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Message_and_title_are_well_formed(string id)
    {
        var descriptor = Descriptor(id);
        var message = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
        var title = Title(descriptor);
        Assert.False(string.IsNullOrWhiteSpace(title), $"{id} has no title");
        Assert.False(string.IsNullOrWhiteSpace(message), $"{id} has no message");
        Assert.False(message.TrimEnd().EndsWith('.'), $"The message of {id} ends with a period: {message}");
        Assert.DoesNotContain("TODO", message, StringComparison.Ordinal);
        Assert.DoesNotContain("TODO", title, StringComparison.Ordinal);
        Assert.True(descriptor.IsEnabledByDefault, $"{id} is disabled by default");
    }

    /// <summary>
    /// Every descriptor must be reported by some analyzer; a descriptor nobody supports is dead, and its severity
    /// cannot be configured. Fails while the analyzer for a rule has not been written yet.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_is_supported_by_an_analyzer(string id)
    {
        var supported = SupportedIds.Value;
        Assert.True(
            supported.Contains(id),
            $"No DiagnosticAnalyzer in {typeof(Descriptors).Assembly.GetName().Name} lists {id} in SupportedDiagnostics. " +
            $"Supported: {string.Join(", ", supported.OrderBy(s => s, StringComparer.Ordinal))}");
    }

    private static readonly Lazy<HashSet<string>> SupportedIds = new(() =>
    {
        Type?[] types;
        try
        {
            types = typeof(Descriptors).Assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type is null || type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                || type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is null)
            {
                continue;
            }

            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type, nonPublic: true)!;
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                ids.Add(descriptor.Id);
            }
        }

        return ids;
    });

    private static DiagnosticDescriptor Descriptor(string id) => Descriptors.All.Single(d => d.Id == id);

    private static string Title(DiagnosticDescriptor descriptor) => descriptor.Title.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The rule rows of a release-tracking file that describe a rule as it is now: "New Rules" rows
    /// (id | category | severity | notes) and "Changed Rules" rows (id | new category | new severity | ...).
    /// "Removed Rules" rows are skipped, since a removed rule has no descriptor.
    /// </summary>
    private static List<(string Id, string Category, string Severity)> ReleaseRows(string path)
    {
        var rows = new List<(string, string, string)>();
        var section = "";
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("###", StringComparison.Ordinal))
            {
                section = line.TrimStart('#').Trim();
                continue;
            }

            if (line.StartsWith("##", StringComparison.Ordinal))
            {
                section = "";
                continue;
            }

            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length < 3 || !IdPattern().IsMatch(cells[0]))
            {
                continue;
            }

            if (section.Equals("Removed Rules", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            rows.Add((cells[0], cells[1], cells[2]));
        }

        return rows;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AsyncPluginGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No AsyncPluginGen.sln above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^APG\d{4}$")]
    private static partial Regex IdPattern();
}
