using AsyncPluginGen.Analyzers.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Fix = AsyncPluginGen.Analyzers.Tests.CodeFixes.FixTest<
    AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer,
    AsyncPluginGen.Analyzers.CodeFixes.RemoveThreadSleepCodeFix>;
using Verify = AsyncPluginGen.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    AsyncPluginGen.Analyzers.HotPath.StatusHotPathAnalyzer,
    AsyncPluginGen.Analyzers.CodeFixes.RemoveThreadSleepCodeFix>;

namespace AsyncPluginGen.Analyzers.Tests.CodeFixes;

public sealed class RemoveThreadSleepCodeFixTests
{
    private const string Header = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using AsyncPluginGen;

        public sealed record M(string Id);
        public sealed record R(string State, int Count);

        [AsyncPlugin("t")]
        public partial class P
        {
            public M Create(TaskContext task) => new M("x");
            public R Get(M meta) => new R("done", 1);
            public void Delete(M meta) { }

        """;

    [Fact]
    public Task Sleep_statement_is_removed_and_the_comment_above_it_stays()
    {
        const string source = Header + """
                public PhaseInfo Status(R r)
                {
                    // Give the service time to settle.
                    {|#0:Thread.Sleep(100)|};
                    return r.Count > 0 ? PhaseInfo.Success() : PhaseInfo.Running();
                }
            }
            """;
        const string fixedSource = Header + """
                public PhaseInfo Status(R r)
                {
                    // Give the service time to settle.
                    return r.Count > 0 ? PhaseInfo.Success() : PhaseInfo.Running();
                }
            }
            """;

        return Verify.VerifyAsync(source, fixedSource, RemoveThreadSleepCodeFix.EquivalenceKey, Sleep(0));
    }

    [Fact]
    public Task Fix_all_removes_every_sleep_of_Status()
    {
        const string source = Header + """
                public PhaseInfo Status(R r)
                {
                    {|#0:Thread.Sleep(10)|};
                    if (r.Count > 1)
                    {
                        {|#1:Thread.Sleep(TimeSpan.FromMilliseconds(5))|}; // back off
                        return PhaseInfo.Running();
                    }

                    {|#2:System.Threading.Thread.Sleep(1)|};
                    return PhaseInfo.Success();
                }
            }
            """;
        const string fixedSource = Header + """
                public PhaseInfo Status(R r)
                {
                    if (r.Count > 1)
                    {
                        return PhaseInfo.Running();
                    }

                    return PhaseInfo.Success();
                }
            }
            """;

        return Verify.VerifyAsync(source, fixedSource, Sleep(0), Sleep(1), Sleep(2));
    }

    [Fact]
    public Task Sleep_reached_through_a_helper_is_not_removed()
    {
        const string source = Header + """
                public PhaseInfo Status(R r)
                {
                    {|#0:Wait()|};
                    return PhaseInfo.Running();
                }

                private static void Wait() => Thread.Sleep(10);
            }
            """;

        return Fix.VerifyNoFixAsync(source, Blocking(0, "Status → Wait → Thread.Sleep", "thread sleep"));
    }

    [Fact]
    public Task Sleep_that_is_the_whole_body_of_an_if_is_not_removed()
    {
        const string source = Header + """
                public PhaseInfo Status(R r)
                {
                    if (r.Count > 1)
                        {|#0:Thread.Sleep(10)|};
                    return PhaseInfo.Running();
                }
            }
            """;

        return Fix.VerifyNoFixAsync(source, Sleep(0));
    }

    [Fact]
    public Task Other_blocking_calls_are_not_removed()
    {
        const string source = Header + """
                public PhaseInfo Status(R r)
                {
                    {|#0:Task.Delay(10).Wait()|};
                    return PhaseInfo.Running();
                }
            }
            """;

        return Fix.VerifyNoFixAsync(source, Blocking(0, "Task.Wait", "synchronous wait for a task"));
    }

    private static DiagnosticResult Sleep(int location) => Blocking(location, "Thread.Sleep", "thread sleep");

    private static DiagnosticResult Blocking(int location, string chain, string description) =>
        Verify.Diagnostic(Descriptors.BlockingCallInStatus).WithLocation(location).WithArguments(chain, description);
}
