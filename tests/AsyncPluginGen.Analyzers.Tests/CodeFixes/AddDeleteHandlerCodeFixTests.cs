using AsyncPluginGen.Analyzers.Authoring;
using AsyncPluginGen.Analyzers.CodeFixes;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer,
    AsyncPluginGen.Analyzers.CodeFixes.AddDeleteHandlerCodeFix>;

namespace AsyncPluginGen.Analyzers.Tests.CodeFixes;

public sealed class AddDeleteHandlerCodeFixTests
{
    [Fact]
    public Task Delete_goes_after_Get_and_takes_the_meta_a_reason_and_a_token()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            namespace Contoso.Warehouse
            {
                public sealed record QueryId(string Value);
                public sealed record Query([property: PhaseSource] string State);

                [AsyncPlugin("warehouse_query")]
                [DefaultPhase(TaskPhase.Running)]
                public sealed partial class {|#0:WarehousePlugin|}
                {
                    public Task<QueryId> CreateAsync(TaskContext task, CancellationToken ct) => Task.FromResult(new QueryId(task.UniqueName));

                    public Task<Query> GetAsync(QueryId meta, CancellationToken ct) => Task.FromResult(new Query("RUNNING"));

                    public static ResourceRequirements GetResourceRequirements(TaskContext task) => default;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            namespace Contoso.Warehouse
            {
                public sealed record QueryId(string Value);
                public sealed record Query([property: PhaseSource] string State);

                [AsyncPlugin("warehouse_query")]
                [DefaultPhase(TaskPhase.Running)]
                public sealed partial class WarehousePlugin
                {
                    public Task<QueryId> CreateAsync(TaskContext task, CancellationToken ct) => Task.FromResult(new QueryId(task.UniqueName));

                    public Task<Query> GetAsync(QueryId meta, CancellationToken ct) => Task.FromResult(new Query("RUNNING"));

                    public ValueTask DeleteAsync(QueryId meta, DeleteReason reason, CancellationToken cancellationToken) => throw new NotImplementedException("Cancel the remote job here; succeed if it is already gone.");

                    public static ResourceRequirements GetResourceRequirements(TaskContext task) => default;
                }
            }
            """;

        return Verify.VerifyAsync(source, fixedSource, AddDeleteHandlerCodeFix.EquivalenceKey,
            Verify.Diagnostic(Descriptors.MissingDelete).WithLocation(0).WithArguments("WarehousePlugin", HandlerShapes.DeleteExample("Contoso.Warehouse.QueryId"), ""));
    }

    [Fact]
    public Task Meta_from_another_namespace_is_named_so_that_it_compiles()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            namespace Contoso.Models
            {
                public sealed record M(string Id);
                public sealed record R([property: PhaseSource] string State);
            }

            namespace Contoso.Plugins
            {
                [AsyncPlugin("t")]
                [DefaultPhase(TaskPhase.Running)]
                public sealed partial class {|#0:P|}
                {
                    public Models.M Create(TaskContext task) => new("x");
                    public Models.R Get(Models.M meta) => new("done");
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            namespace Contoso.Models
            {
                public sealed record M(string Id);
                public sealed record R([property: PhaseSource] string State);
            }

            namespace Contoso.Plugins
            {
                [AsyncPlugin("t")]
                [DefaultPhase(TaskPhase.Running)]
                public sealed partial class P
                {
                    public Models.M Create(TaskContext task) => new("x");
                    public Models.R Get(Models.M meta) => new("done");

                    public ValueTask DeleteAsync(Models.M meta, DeleteReason reason, CancellationToken cancellationToken) => throw new NotImplementedException("Cancel the remote job here; succeed if it is already gone.");
                }
            }
            """;

        return Verify.VerifyAsync(source, fixedSource,
            Verify.Diagnostic(Descriptors.MissingDelete).WithLocation(0).WithArguments("P", HandlerShapes.DeleteExample("Contoso.Models.M"), ""));
    }

    [Fact]
    public Task Fix_all_adds_Delete_to_every_plugin_of_the_file()
    {
        const string source = """
            using AsyncPluginGen;

            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] string State);

            [AsyncPlugin("a")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class {|#0:A|}
            {
                public M Create(TaskContext task) => new("a");
                public R Get(M meta) => new("done");
            }

            [AsyncPlugin("b")]
            [DefaultPhase(TaskPhase.Running)]
            internal sealed partial class {|#1:B|}
            {
                public static string Create(TaskContext task) => "b";
                public static R Get(string meta) => new("done");
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] string State);

            [AsyncPlugin("a")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class A
            {
                public M Create(TaskContext task) => new("a");
                public R Get(M meta) => new("done");

                public ValueTask DeleteAsync(M meta, DeleteReason reason, CancellationToken cancellationToken) => throw new NotImplementedException("Cancel the remote job here; succeed if it is already gone.");
            }

            [AsyncPlugin("b")]
            [DefaultPhase(TaskPhase.Running)]
            internal sealed partial class B
            {
                public static string Create(TaskContext task) => "b";
                public static R Get(string meta) => new("done");

                public ValueTask DeleteAsync(string meta, DeleteReason reason, CancellationToken cancellationToken) => throw new NotImplementedException("Cancel the remote job here; succeed if it is already gone.");
            }
            """;

        return Verify.VerifyAsync(source, fixedSource,
            Verify.Diagnostic(Descriptors.MissingDelete).WithLocation(0).WithArguments("A", HandlerShapes.DeleteExample("M"), ""),
            Verify.Diagnostic(Descriptors.MissingDelete).WithLocation(1).WithArguments("B", HandlerShapes.DeleteExample("string"), ""));
    }

    [Fact]
    public Task Only_the_usings_not_already_in_scope_are_added()
    {
        const string globals = """
            global using System;
            """;
        const string source = """
            using AsyncPluginGen;

            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] string State);

            [AsyncPlugin("t")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class {|#0:P|}
            {
                public M Create(TaskContext task) => new("x");
                public R Get(M meta) => new("done");
            }
            """;
        const string fixedSource = """
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] string State);

            [AsyncPlugin("t")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class P
            {
                public M Create(TaskContext task) => new("x");
                public R Get(M meta) => new("done");

                public ValueTask DeleteAsync(M meta, DeleteReason reason, CancellationToken cancellationToken) => throw new NotImplementedException("Cancel the remote job here; succeed if it is already gone.");
            }
            """;

        return FixTest<PluginDeclarationAnalyzer, AddDeleteHandlerCodeFix>.VerifyAsync(
            [globals, source],
            [globals, fixedSource],
            [Verify.Diagnostic(Descriptors.MissingDelete).WithLocation(0).WithArguments("P", HandlerShapes.DeleteExample("M"), "")],
            []);
    }
}
