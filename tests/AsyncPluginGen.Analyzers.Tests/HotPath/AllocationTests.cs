using static AsyncPluginGen.Analyzers.Tests.HotPath.HotPathSources;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.AnalyzerVerifier<AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer>;

namespace AsyncPluginGen.Analyzers.Tests.HotPath;

/// <summary>APG1003: heap allocations reachable from Status, and the many things that look like one but are not.</summary>
public sealed class AllocationTests
{
    [Fact]
    public Task Object_creation_of_a_class_is_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    var seen = {|#0:new List<string>()|};
                    seen.Add(r.State);
                    return default;
                }
            """);

        return Verify.VerifyAsync(source, Allocation(0, "new List<string>", "object creation"));
    }

    [Fact]
    public Task Thrown_exceptions_are_the_cold_path_and_are_not_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    if (r.Count < 0)
                    {
                        throw new InvalidOperationException("Negative count " + r.Count);
                    }

                    var state = r.State ?? throw new ArgumentException($"No state in {r}");
                    return PhaseInfo.Running(state);
                }
            """);

        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task Explicit_arrays_are_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    var slots = {|#0:new int[r.Count]|};
                    var names = {|#1:new[] { r.State }|};
                    return slots.Length + names.Length > 0 ? PhaseInfo.Running() : default;
                }
            """);

        return Verify.VerifyAsync(
            source,
            Allocation(0, "new int[]", "array creation"),
            Allocation(1, "new string[]", "array creation"));
    }

    [Fact]
    public Task Collection_expressions_are_reported_unless_empty_arrays_or_spans()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    List<int> list = {|#0:[1, r.Count]|};
                    int[] array = {|#1:[r.Count]|};
                    IEnumerable<int> sequence = {|#2:[r.Count]|};
                    int[] empty = [];
                    IReadOnlyList<int> none = [];
                    ReadOnlySpan<int> span = [1, r.Count];
                    return list.Count + array.Length + empty.Length + none.Count + span.Length > 0 && sequence is not null ? PhaseInfo.Running() : default;
                }
            """);

        return Verify.VerifyAsync(
            source,
            Allocation(0, "new List<int>", "collection expression"),
            Allocation(1, "new int[]", "collection expression"),
            Allocation(2, "collection of IEnumerable<int>", "collection expression"));
    }

    [Fact]
    public Task Anonymous_objects_are_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    var pair = {|#0:new { r.State, r.Count }|};
                    return pair.Count > 0 ? PhaseInfo.Running() : default;
                }
            """);

        return Verify.VerifyAsync(source, Allocation(0, "new { }", "anonymous object"));
    }

    [Fact]
    public Task Boxing_conversions_are_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    object boxed = {|#0:r.Count|};
                    IComparable comparable = {|#1:r.Count|};
                    return boxed is null || comparable is null ? default : PhaseInfo.Running();
                }
            """);

        return Verify.VerifyAsync(
            source,
            Allocation(0, "(object)int", "boxing of int"),
            Allocation(1, "(IComparable)int", "boxing of int"));
    }

    [Fact]
    public Task Struct_calling_an_inherited_object_member_is_boxed()
    {
        var source = Plugin(
            """
                public PhaseInfo Status(R r)
                {
                    var key = new Key(r.Count);
                    return {|#0:key.GetHashCode()|} == 0 ? default : PhaseInfo.Running();
                }
            """,
            """
            public struct Key
            {
                public Key(int value) => Value = value;
                public int Value { get; }
            }
            """);

        return Verify.VerifyAsync(source, Allocation(0, "Key.GetHashCode", "boxing of Key"));
    }

    [Fact]
    public Task Capturing_lambdas_are_reported_but_cached_lambdas_are_not()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    Func<int> captures = {|#0:() => r.Count|};
                    Func<int, int> pure = x => x + 1;
                    Func<int> alsoPure = static () => 42;
                    Func<R, int> parameterOnly = resource => resource.Count;
                    return captures() + pure(1) + alsoPure() + parameterOnly(r) > 0 ? PhaseInfo.Running() : default;
                }
            """);

        return Verify.VerifyAsync(source, Allocation(0, "lambda", "closure"));
    }

    [Fact]
    public Task Lambda_capturing_this_is_reported()
    {
        var source = Plugin("""
                private int _polls;

                public PhaseInfo Status(R r)
                {
                    Func<int> next = {|#0:() => _polls + 1|};
                    return next() > 0 ? PhaseInfo.Running() : default;
                }
            """);

        return Verify.VerifyAsync(source, Allocation(0, "lambda", "closure"));
    }

    [Fact]
    public Task Instance_method_group_conversion_is_reported_and_static_is_not()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    Func<R, PhaseInfo> bound = {|#0:Describe|};
                    Func<R, PhaseInfo> cached = DescribeStatic;
                    return bound(r).IsTerminal ? cached(r) : default;
                }

                private PhaseInfo Describe(R r) => default;

                private static PhaseInfo DescribeStatic(R r) => default;
            """);

        return Verify.VerifyAsync(source, Allocation(0, "delegate to Describe", "delegate allocation"));
    }

    [Fact]
    public Task Async_lambdas_are_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    Func<Task> later = {|#0:static async () => await Task.Yield()|};
                    return later is null ? default : PhaseInfo.Running();
                }
            """);

        return Verify.VerifyAsync(source, Allocation(0, "async lambda", "async lambda"));
    }

    [Fact]
    public Task Non_constant_string_concatenation_is_reported_once()
    {
        var source = Plugin("""
                private const string Prefix = "state: ";

                public PhaseInfo Status(R r)
                {
                    var text = {|#0:Prefix + r.State + "/" + r.Count|};
                    const string constant = Prefix + "done";
                    var message = {|#1:text += "!"|};
                    return PhaseInfo.Running({|#2:constant + message|});
                }
            """);

        return Verify.VerifyAsync(
            source,
            Allocation(0, "Prefix + r.State + \"/\" + r.Count", "string concatenation"),
            Allocation(1, "text += \"!\"", "string concatenation"),
            Allocation(2, "constant + message", "string concatenation"));
    }

    [Fact]
    public Task Non_constant_interpolation_is_reported_and_constant_interpolation_is_not()
    {
        var source = Plugin("""
                private const string Kind = "job";

                public PhaseInfo Status(R r)
                {
                    const string constant = $"{Kind} is running";
                    var message = {|#0:$"{Kind} {r.State}"|};
                    return message.Length > 0 ? PhaseInfo.Running(constant) : default;
                }
            """);

        return Verify.VerifyAsync(source, Allocation(0, "$\"{Kind} {r.State}\"", "string interpolation"));
    }

    [Fact]
    public Task Linq_is_reported()
    {
        var source = Plugin("""
                private readonly int[] _codes = { 1, 2 };

                public PhaseInfo Status(R r)
                {
                    return {|#0:_codes.Contains(r.Count)|} ? PhaseInfo.Running() : default;
                }
            """);

        return Verify.VerifyAsync(source, Allocation(0, "Enumerable.Contains", "LINQ"));
    }

    [Fact]
    public Task Foreach_over_an_interface_allocates_an_enumerator_and_over_arrays_or_lists_does_not()
    {
        var source = Plugin("""
                private readonly IEnumerable<int> _sequence = new List<int>();
                private readonly List<int> _list = new List<int>();
                private readonly int[] _array = { 1 };

                public PhaseInfo Status(R r)
                {
                    var total = 0;
                    foreach (var x in {|#0:_sequence|}) total += x;
                    foreach (var x in _list) total += x;
                    foreach (var x in _array) total += x;
                    foreach (var c in r.State) total += c;
                    return total > 0 ? PhaseInfo.Running() : default;
                }
            """);

        return Verify.VerifyAsync(source, Allocation(0, "foreach over IEnumerable<int>", "enumerator allocation"));
    }

    [Fact]
    public Task ToString_and_allocating_string_methods_are_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    var count = {|#0:r.Count.ToString()|};
                    var head = {|#1:r.State.Substring(1)|};
                    var upper = {|#2:r.State.ToUpperInvariant()|};
                    var text = {|#3:string.Format("{0}/{1}/{2}/{3}", r.State, r.State, r.State, r.State)|};
                    var same = r.State.ToString();
                    return PhaseInfo.Running(count.Length + head.Length + upper.Length + text.Length > 0 ? same : null);
                }
            """);

        return Verify.VerifyAsync(
            source,
            Allocation(0, "int.ToString", "string allocation"),
            Allocation(1, "string.Substring", "string allocation"),
            Allocation(2, "string.ToUpperInvariant", "string allocation"),
            Allocation(3, "string.Format", "string allocation"));
    }

    [Fact]
    public Task Implicit_params_arrays_are_reported_when_they_have_elements()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    var some = Sum({|#0:1, r.Count|});
                    var none = Sum();
                    return some + none > 0 ? PhaseInfo.Running() : default;
                }

                private static int Sum(params int[] values) => values.Length;
            """);

        return Verify.VerifyAsync(source, Allocation(0, "params int[]", "params array"));
    }

    [Fact]
    public Task Record_with_expression_is_reported()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r)
                {
                    var copy = {|#0:r with { Count = 2 }|};
                    return copy.Count > 0 ? PhaseInfo.Running() : default;
                }
            """);

        return Verify.VerifyAsync(source, Allocation(0, "with on R", "copy of a record"));
    }

    [Fact]
    public Task Allocation_in_a_helper_is_reported_with_the_chain()
    {
        var source = Plugin("""
                public PhaseInfo Status(R r) => PhaseInfo.Running({|#0:Describe(r)|});

                private static string Describe(R r)
                {
                    var parts = new List<string> { r.State };
                    return parts[0];
                }
            """);

        return Verify.VerifyAsync(source, Allocation(0, "Status → Describe → new List<string>", "object creation"));
    }

    [Fact]
    public Task Allocation_free_Status_is_not_reported()
    {
        var source = Plugin(
            """
                private const string Kind = "job";

                public PhaseInfo Status(R r)
                {
                    var info = new StatusInfo(r.Count);
                    var empty = new PhaseInfo();
                    (int Count, string State) pair = (r.Count, r.State);
                    _ = nameof(r.State);
                    _ = $"{Kind} done";
                    return r.State switch
                    {
                        "done" => PhaseInfo.Success(),
                        "failed" => PhaseInfo.Failure("JobFailed", "The job failed"),
                        _ when info.Count > 3 => PhaseInfo.RetryableFailure(r.State, pair.State),
                        _ when r.State.Length == 0 => empty,
                        _ => PhaseInfo.Running(r.State),
                    };
                }
            """,
            """
            public readonly struct StatusInfo
            {
                public StatusInfo(int count) => Count = count;
                public int Count { get; }
            }
            """);

        return Verify.VerifyAsync(source);
    }

    [Fact]
    public Task Enum_ToString_allocates_and_HasFlag_does_not()
    {
        var source = Plugin(
            """
                public PhaseInfo Status(R r)
                {
                    var flags = (Stage)r.Count;
                    return flags.HasFlag(Stage.Done) ? PhaseInfo.Success() : PhaseInfo.Running({|#0:flags.ToString()|});
                }
            """,
            """
            [Flags]
            public enum Stage
            {
                None = 0,
                Done = 1,
            }
            """);

        return Verify.VerifyAsync(source, Allocation(0, "Stage.ToString", "string allocation"));
    }

    [Fact]
    public Task Idiomatic_handwritten_Status_over_two_fields_is_clean()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            namespace Contoso.Runs;

            public sealed record RunId(long Value);
            public sealed record Run(long Id, string LifeCycleState, string? ResultState, string? StateMessage);

            [AsyncPlugin("notebook_run")]
            public sealed partial class NotebookRunPlugin
            {
                public ValueTask<Created<RunId, Run>> CreateAsync(TaskContext task, CancellationToken ct)
                    => new(Created.With(new RunId(1), new Run(1, "PENDING", null, null)));

                public ValueTask<Run> GetAsync(RunId id, CancellationToken ct) => new(new Run(id.Value, "TERMINATED", "SUCCESS", null));

                public ValueTask DeleteAsync(RunId id, CancellationToken ct) => default;

                public static PhaseInfo Status(in StatusContext<RunId, Run> context) => context.Resource.LifeCycleState switch
                {
                    "PENDING" => PhaseInfo.Queued("pending"),
                    "RUNNING" or "TERMINATING" => PhaseInfo.Running(),
                    "TERMINATED" when context.Resource.ResultState == "SUCCESS" => PhaseInfo.Success(),
                    "TERMINATED" => PhaseInfo.Failure(context.Resource.ResultState, context.Resource.StateMessage),
                    _ => PhaseInfo.SystemFailure("InternalError", context.Resource.StateMessage),
                };
            }
            """;

        return Verify.VerifyAsync(source);
    }
}
