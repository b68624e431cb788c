using System.Globalization;
using System.Text;

namespace AsyncPluginGen.Tests;

/// <summary>The unique name is injective, readable for plain parts, and built only from valid parts (issue 13).</summary>
public sealed class TaskExecutionIdNameTests
{
    [Fact]
    public void CollisionPairFromIssue13_GivesDifferentNames()
    {
        var first = new TaskExecutionId("a-b", "c", "e", "n");
        var second = new TaskExecutionId("a", "b-c", "e", "n");

        Assert.Equal("a--b-c-e-n-0", first.GeneratedName);
        Assert.Equal("a-b--c-e-n-0", second.GeneratedName);
        Assert.NotEqual(first.GeneratedName, second.GeneratedName);
        Assert.NotEqual(new TaskContext("t", first).UniqueName, new TaskContext("t", second).UniqueName);
    }

    [Theory]
    [InlineData("flytesnacks", "development", "f3a9c2", "n0", 0, "flytesnacks-development-f3a9c2-n0-0")]
    [InlineData("project", "development", "exec1", "n0", 12, "project-development-exec1-n0-12")]
    [InlineData("my_project", "prod.eu", "Run 7", "dn0_start/node", 1, "my_project-prod.eu-Run 7-dn0_start/node-1")]
    [InlineData("projé", "dév", "exécution", "nœud😀", 0, "projé-dév-exécution-nœud😀-0")]
    [InlineData("p", "d", "100%", "%2D", 3, "p-d-100%-%2D-3")]
    public void PartsWithoutSeparatorOrEscape_AreJoinedAsBefore(string project, string domain, string execution, string node, int attempt, string expected)
    {
        Assert.Equal(expected, new TaskExecutionId(project, domain, execution, node, attempt).GeneratedName);
    }

    [Theory]
    [InlineData("exec-1", "n0", "p-d-exec--1-n0-0")]
    [InlineData("e", "n0-0-dn1", "p-d-e-n0--0--dn1-0")]
    [InlineData("a--b", "c---d", "p-d-a----b-c------d-0")]
    public void SeparatorInsideAPart_IsDoubled(string execution, string node, string expected)
    {
        Assert.Equal(expected, new TaskExecutionId("p", "d", execution, node).GeneratedName);
    }

    [Fact]
    public void Names_AreInjective_OverManyRandomIdentities()
    {
        // Parts drawn from a tiny alphabet rich in '-', so near-collisions abound.
        const string alphabet = "--ab";
        var random = new Random(13);
        var identities = new HashSet<TaskExecutionId>();
        var names = new Dictionary<string, TaskExecutionId>(StringComparer.Ordinal);
        for (var i = 0; i < 50_000; i++)
        {
            var id = new TaskExecutionId(Part(), Part(), Part(), Part(), random.Next(0, 3));
            if (!identities.Add(id))
            {
                continue;
            }

            var name = id.GeneratedName;
            Assert.True(names.TryAdd(name, id), $"{id.Project}|{id.Domain}|{id.ExecutionName}|{id.NodeId}|{id.RetryAttempt} and {Describe(names.GetValueOrDefault(name))} share the name {name}");
            Assert.Equal(id, Decode(name));
        }

        Assert.True(identities.Count > 40_000, $"only {identities.Count} distinct identities were drawn");

        string Part()
        {
            var chars = new char[random.Next(1, 7)];
            for (var c = 0; c < chars.Length; c++)
            {
                // A part may not begin or end with '-'.
                chars[c] = c == 0 || c == chars.Length - 1 ? "ab"[random.Next(2)] : alphabet[random.Next(alphabet.Length)];
            }

            return new string(chars);
        }

        static string Describe(TaskExecutionId? id) => id is null ? "?" : $"{id.Project}|{id.Domain}|{id.ExecutionName}|{id.NodeId}|{id.RetryAttempt}";
    }

    [Fact]
    public void WorstCaseName_StaysWithinTheDocumentedLength()
    {
        var part = "a" + new string('-', TaskExecutionId.MaxPartLength - 2) + "a";
        var name = new TaskExecutionId(part, part, part, part, int.MaxValue).GeneratedName;

        Assert.Equal(TaskExecutionId.MaxGeneratedNameLength, name.Length);
    }

    [Theory]
    [InlineData(nameof(TaskExecutionId.Project), "", "must not be empty or white space")]
    [InlineData(nameof(TaskExecutionId.Domain), "  ", "must not be empty or white space")]
    [InlineData(nameof(TaskExecutionId.ExecutionName), "exec\n1", "control character U+000A at index 4")]
    [InlineData(nameof(TaskExecutionId.NodeId), "n\u00850", "control character U+0085 at index 1")]
    [InlineData(nameof(TaskExecutionId.NodeId), "-n0", "must not begin or end with '-'")]
    [InlineData(nameof(TaskExecutionId.ExecutionName), "exec-", "must not begin or end with '-'")]
    [InlineData(nameof(TaskExecutionId.Domain), "-", "must not begin or end with '-'")]
    public void InvalidPart_ThrowsNamingPartValueAndRule(string part, string value, string rule)
    {
        var ex = Assert.Throws<ArgumentException>(() => With(part, value));

        Assert.Equal(part, ex.ParamName);
        Assert.Contains($"TaskExecutionId.{part} '", ex.Message, StringComparison.Ordinal);
        Assert.Contains(rule, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void UnpairedSurrogate_Throws()
    {
        // Built in code: attribute arguments cannot carry an unpaired surrogate (it becomes U+FFFD in metadata).
        var high = new TaskExecutionId("p", "d", "e", "n");
        var ex = Assert.Throws<ArgumentException>(() => high with { NodeId = "n" + (char)0xD800 });
        Assert.Equal(nameof(TaskExecutionId.NodeId), ex.ParamName);
        Assert.Contains("unpaired surrogate U+D800 at index 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'n\\uD800'", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<ArgumentException>(() => new TaskExecutionId((char)0xDC00 + "p", "d", "e", "n"));
        Assert.Equal(nameof(TaskExecutionId.Project), ex.ParamName);
        Assert.Contains("unpaired surrogate U+DC00 at index 0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidPart_IsRejectedByWithToo()
    {
        var id = new TaskExecutionId("p", "d", "e", "n");

        var ex = Assert.Throws<ArgumentException>(() => id with { NodeId = "" });

        Assert.Equal(nameof(TaskExecutionId.NodeId), ex.ParamName);
    }

    [Fact]
    public void TooLongPart_ThrowsWithTheValueCut()
    {
        var value = new string('x', TaskExecutionId.MaxPartLength + 1);
        Assert.Equal(TaskExecutionId.MaxPartLength, new TaskExecutionId("p", "d", value[1..], "n").ExecutionName.Length);

        var ex = Assert.Throws<ArgumentException>(() => new TaskExecutionId("p", "d", value, "n"));

        Assert.Equal(nameof(TaskExecutionId.ExecutionName), ex.ParamName);
        Assert.Contains("it has 257 characters, more than the 256 a part may have", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{new string('x', 64)}' (first 64 of 257 characters)", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 400, ex.Message);
    }

    [Fact]
    public void HugePart_MessageStaysShort()
    {
        var ex = Assert.Throws<ArgumentException>(() => new TaskExecutionId("p", "d", "e", new string('n', 1_000_000)));

        Assert.True(ex.Message.Length < 400, $"{ex.Message.Length} characters");
    }

    [Fact]
    public void NullPart_ThrowsArgumentNullNamingThePart()
    {
        var ex = Assert.Throws<ArgumentNullException>(() => new TaskExecutionId("p", null!, "e", "n"));

        Assert.Equal(nameof(TaskExecutionId.Domain), ex.ParamName);
    }

    [Fact]
    public void NegativeAttempt_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new TaskExecutionId("p", "d", "e", "n", -1));
        Assert.Equal(nameof(TaskExecutionId.RetryAttempt), ex.ParamName);
        Assert.Contains("counts from 0", ex.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>(() => new TaskExecutionId("p", "d", "e", "n") with { RetryAttempt = -5 });
    }

    [Fact]
    public void ValidSurrogatePairs_AreAccepted()
    {
        Assert.Equal("p-d-😀-n-0", new TaskExecutionId("p", "d", "😀", "n").GeneratedName);
    }

    [Fact]
    public void Deconstruct_StillGivesTheParts()
    {
        var (project, domain, execution, node, attempt) = new TaskExecutionId("p", "d", "e-1", "n", 2);

        Assert.Equal(("p", "d", "e-1", "n", 2), (project, domain, execution, node, attempt));
    }

    private static TaskExecutionId With(string part, string value)
    {
        var id = new TaskExecutionId("p", "d", "e", "n");
        return part switch
        {
            nameof(TaskExecutionId.Project) => new TaskExecutionId(value, "d", "e", "n"),
            nameof(TaskExecutionId.Domain) => new TaskExecutionId("p", value, "e", "n"),
            nameof(TaskExecutionId.ExecutionName) => id with { ExecutionName = value },
            nameof(TaskExecutionId.NodeId) => id with { NodeId = value },
            _ => throw new ArgumentOutOfRangeException(nameof(part)),
        };
    }

    /// <summary>The inverse of the naming rule, written independently of it: a lone '-' separates, a doubled one is a '-' of a part.</summary>
    private static TaskExecutionId Decode(string name)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != '-')
            {
                field.Append(name[i]);
            }
            else if (i + 1 < name.Length && name[i + 1] == '-')
            {
                field.Append('-');
                i++;
            }
            else
            {
                fields.Add(field.ToString());
                field.Clear();
            }
        }

        fields.Add(field.ToString());
        Assert.Equal(5, fields.Count);
        return new TaskExecutionId(fields[0], fields[1], fields[2], fields[3], int.Parse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture));
    }
}
