using AsyncPluginGen.Analyzers.Authoring;
using AsyncPluginGen.Analyzers.CodeFixes;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    AsyncPluginGen.Analyzers.Authoring.PluginDeclarationAnalyzer,
    AsyncPluginGen.Analyzers.CodeFixes.AddMissingHandlerCodeFix>;

namespace AsyncPluginGen.Analyzers.Tests.CodeFixes;

public sealed class AddMissingHandlerCodeFixTests
{
    [Fact]
    public Task Create_returns_the_meta_that_Get_takes()
    {
        const string source = """
            using AsyncPluginGen;

            namespace Contoso;

            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] string State);

            [AsyncPlugin("t")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class {|#0:P|}
            {
                public R Get(M meta) => new("done");

                public void Delete(M meta) { }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            namespace Contoso;

            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] string State);

            [AsyncPlugin("t")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class P
            {
                public ValueTask<M> CreateAsync(TaskContext task, CancellationToken cancellationToken) => throw new NotImplementedException("Start the remote job here; use task.UniqueName as the idempotency key.");

                public R Get(M meta) => new("done");

                public void Delete(M meta) { }
            }
            """;

        return Verify.VerifyAsync(source, fixedSource, AddMissingHandlerCodeFix.CreateEquivalenceKey,
            Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0).WithArguments("P", "Create", HandlerShapes.CreateExample, ""));
    }

    [Fact]
    public Task An_empty_plugin_gets_Create_then_Get_with_string_meta_and_object_resource()
    {
        const string source = """
            using AsyncPluginGen;

            [AsyncPlugin("t")]
            public sealed partial class {|#0:P|}
            {
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            [AsyncPlugin("t")]
            public sealed partial class {|#1:P|}
            {
                public ValueTask<string> CreateAsync(TaskContext task, CancellationToken cancellationToken) => throw new NotImplementedException("Start the remote job here; use task.UniqueName as the idempotency key.");

                public ValueTask<object> GetAsync(string meta, CancellationToken cancellationToken) => throw new NotImplementedException("Fetch the remote job's state here; Status computes the phase from what this returns.");
            }
            """;

        // The Create stub lets the analyzer check Get, which the same fix then adds. What remains is for the author:
        // a Delete handler, and a resource type that tells Status the remote state.
        return FixTest<PluginDeclarationAnalyzer, AddMissingHandlerCodeFix>.VerifyAsync(
            source,
            fixedSource,
            [Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0).WithArguments("P", "Create", HandlerShapes.CreateExample, "")],
            [
                Verify.Diagnostic(Descriptors.MissingDelete).WithLocation(1).WithArguments("P", HandlerShapes.DeleteExample("string"), ""),
                Verify.Diagnostic(Descriptors.NoStatusSource).WithLocation(1).WithArguments("P", "object"),
            ],
            iterations: 2);
    }

    [Fact]
    public Task Get_returns_the_resource_of_Created()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            namespace Contoso
            {
                public sealed record M(string Id);
                public sealed record R([property: PhaseSource] string State);

                [AsyncPlugin("t")]
                [DefaultPhase(TaskPhase.Running)]
                public sealed partial class {|#0:P|}
                {
                    public Task<Created<M, R>> CreateAsync(TaskContext task, CancellationToken ct) => Task.FromResult(Created.With(new M("x"), new R("running")));
                    public Task DeleteAsync(M meta, CancellationToken ct) => Task.CompletedTask;
                }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            namespace Contoso
            {
                public sealed record M(string Id);
                public sealed record R([property: PhaseSource] string State);

                [AsyncPlugin("t")]
                [DefaultPhase(TaskPhase.Running)]
                public sealed partial class P
                {
                    public Task<Created<M, R>> CreateAsync(TaskContext task, CancellationToken ct) => Task.FromResult(Created.With(new M("x"), new R("running")));

                    public ValueTask<R> GetAsync(M meta, CancellationToken cancellationToken) => throw new NotImplementedException("Fetch the remote job's state here; Status computes the phase from what this returns.");
                    public Task DeleteAsync(M meta, CancellationToken ct) => Task.CompletedTask;
                }
            }
            """;

        return Verify.VerifyAsync(source, fixedSource, AddMissingHandlerCodeFix.GetEquivalenceKey,
            Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0).WithArguments("P", "Get", HandlerShapes.GetExample("Contoso.M"), ""));
    }

    [Fact]
    public Task Get_returns_the_resource_a_handwritten_Status_takes()
    {
        const string source = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            public sealed record M(string Id);
            public sealed record R(bool Done);

            [AsyncPlugin("t")]
            public sealed partial class {|#0:P|}
            {
                public M Create(TaskContext task) => new(task.UniqueName);

                public static PhaseInfo Status(in StatusContext<M, R> context) => context.Resource.Done ? PhaseInfo.Success() : PhaseInfo.Running();

                public void Delete(M meta) { }
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            public sealed record M(string Id);
            public sealed record R(bool Done);

            [AsyncPlugin("t")]
            public sealed partial class P
            {
                public M Create(TaskContext task) => new(task.UniqueName);

                public ValueTask<R> GetAsync(M meta, CancellationToken cancellationToken) => throw new NotImplementedException("Fetch the remote job's state here; Status computes the phase from what this returns.");

                public static PhaseInfo Status(in StatusContext<M, R> context) => context.Resource.Done ? PhaseInfo.Success() : PhaseInfo.Running();

                public void Delete(M meta) { }
            }
            """;

        return Verify.VerifyAsync(source, fixedSource,
            Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0).WithArguments("P", "Get", HandlerShapes.GetExample("M"), ""));
    }

    [Fact]
    public Task Sync_plugin_gets_a_Do_handler()
    {
        const string source = """
            using AsyncPluginGen;

            namespace Contoso;

            [SyncPlugin("echo")]
            internal sealed partial class {|#0:Echo|}
            {
                private readonly int _unused = 1;
            }
            """;
        const string fixedSource = """
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using AsyncPluginGen;

            namespace Contoso;

            [SyncPlugin("echo")]
            internal sealed partial class Echo
            {
                private readonly int _unused = 1;

                public ValueTask<PhaseInfo> DoAsync(TaskContext task, CancellationToken cancellationToken) => throw new NotImplementedException("Run the job here and return its final phase.");
            }
            """;

        return Verify.VerifyAsync(source, fixedSource, AddMissingHandlerCodeFix.DoEquivalenceKey,
            Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0).WithArguments("Echo", "Do", HandlerShapes.DoExample, ""));
    }

    [Fact]
    public Task Usings_already_in_scope_through_global_usings_are_not_added_again()
    {
        const string globals = """
            global using System;
            global using System.Threading;
            global using System.Threading.Tasks;
            global using AsyncPluginGen;
            """;
        const string source = """
            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] string State);

            [AsyncPlugin("t")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class {|#0:P|}
            {
                public R Get(M meta) => new("done");
                public void Delete(M meta) { }
            }
            """;
        const string fixedSource = """
            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] string State);

            [AsyncPlugin("t")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class P
            {
                public ValueTask<M> CreateAsync(TaskContext task, CancellationToken cancellationToken) => throw new NotImplementedException("Start the remote job here; use task.UniqueName as the idempotency key.");

                public R Get(M meta) => new("done");
                public void Delete(M meta) { }
            }
            """;

        return FixTest<PluginDeclarationAnalyzer, AddMissingHandlerCodeFix>.VerifyAsync(
            [globals, source],
            [globals, fixedSource],
            [Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0).WithArguments("P", "Create", HandlerShapes.CreateExample, "")],
            []);
    }

    [Fact]
    public Task Fix_all_adds_Get_to_every_plugin_of_the_file()
    {
        const string source = """
            using AsyncPluginGen;

            public sealed record M(string Id);
            public sealed record R([property: PhaseSource] string State);

            [AsyncPlugin("a")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class {|#0:A|}
            {
                public Created<M, R> Create(TaskContext task) => new(new M("a"));
                public void Delete(M meta) { }
            }

            [AsyncPlugin("b")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class {|#1:B|}
            {
                public Created<M, R> Create(TaskContext task) => new(new M("b"));
                public void Delete(M meta) { }
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
                public Created<M, R> Create(TaskContext task) => new(new M("a"));

                public ValueTask<R> GetAsync(M meta, CancellationToken cancellationToken) => throw new NotImplementedException("Fetch the remote job's state here; Status computes the phase from what this returns.");
                public void Delete(M meta) { }
            }

            [AsyncPlugin("b")]
            [DefaultPhase(TaskPhase.Running)]
            public sealed partial class B
            {
                public Created<M, R> Create(TaskContext task) => new(new M("b"));

                public ValueTask<R> GetAsync(M meta, CancellationToken cancellationToken) => throw new NotImplementedException("Fetch the remote job's state here; Status computes the phase from what this returns.");
                public void Delete(M meta) { }
            }
            """;

        return Verify.VerifyAsync(source, fixedSource,
            Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(0).WithArguments("A", "Get", HandlerShapes.GetExample("M"), ""),
            Verify.Diagnostic(Descriptors.MissingHandler).WithLocation(1).WithArguments("B", "Get", HandlerShapes.GetExample("M"), ""));
    }
}
