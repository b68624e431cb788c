namespace AsyncPluginGen.Tests;

public sealed class ExecutionErrorTests
{
    [Fact]
    public void Constants_MatchFlyte()
    {
        Assert.Equal("Unknown", ExecutionError.UnknownCode);
        Assert.Equal("Unknown error message", ExecutionError.UnknownMessage);
        Assert.Equal("SystemError", ExecutionError.SystemErrorCode);
    }

    [Fact]
    public void Constructor_KeepsGivenValues()
    {
        var error = new ExecutionError("QueryFailed", "table not found", ExecutionErrorKind.System);

        Assert.Equal("QueryFailed", error.Code);
        Assert.Equal("table not found", error.Message);
        Assert.Equal(ExecutionErrorKind.System, error.Kind);
    }

    [Fact]
    public void Constructor_DefaultsKindToUser()
    {
        Assert.Equal(ExecutionErrorKind.User, new ExecutionError("c", "m").Kind);
    }

    [Theory]
    [InlineData(null, "m", "Unknown", "m")]
    [InlineData("", "m", "Unknown", "m")]
    [InlineData("c", null, "c", "Unknown error message")]
    [InlineData("c", "", "c", "Unknown error message")]
    [InlineData(null, null, "Unknown", "Unknown error message")]
    [InlineData("", "", "Unknown", "Unknown error message")]
    [InlineData(" ", " ", " ", " ")]
    public void Constructor_FallsBackForNullOrEmpty(string? code, string? message, string expectedCode, string expectedMessage)
    {
        var error = new ExecutionError(code, message, ExecutionErrorKind.System);

        Assert.Equal(expectedCode, error.Code);
        Assert.Equal(expectedMessage, error.Message);
        Assert.Equal(ExecutionErrorKind.System, error.Kind);
    }

    [Fact]
    public void Default_ReportsFlytesUnknownError()
    {
        var error = default(ExecutionError);

        Assert.Equal("Unknown", error.Code);
        Assert.Equal("Unknown error message", error.Message);
        Assert.Equal(ExecutionErrorKind.User, error.Kind);
    }

    [Fact]
    public void Unknown_IsFlytesFallback()
    {
        var error = ExecutionError.Unknown;

        Assert.Equal("Unknown", error.Code);
        Assert.Equal("Unknown error message", error.Message);
        Assert.Equal(ExecutionErrorKind.User, error.Kind);
    }

    [Fact]
    public void ZeroKind_ReadsAsUser()
    {
        Assert.Equal(ExecutionErrorKind.User, new ExecutionError("c", "m", default).Kind);
    }

    [Fact]
    public void KindValues_AreStable()
    {
        Assert.Equal(1, (int)ExecutionErrorKind.User);
        Assert.Equal(2, (int)ExecutionErrorKind.System);
        Assert.Equal(2, Enum.GetValues<ExecutionErrorKind>().Length);
    }

    [Fact]
    public void ToString_NamesKindCodeAndMessage()
    {
        Assert.Equal("User error QueryFailed: table not found", new ExecutionError("QueryFailed", "table not found").ToString());
        Assert.Equal("System error SystemError: boom", new ExecutionError(ExecutionError.SystemErrorCode, "boom", ExecutionErrorKind.System).ToString());
        Assert.Equal("User error Unknown: Unknown error message", default(ExecutionError).ToString());
    }

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(new ExecutionError("c", "m", ExecutionErrorKind.System), new ExecutionError("c", "m", ExecutionErrorKind.System));
        Assert.NotEqual(new ExecutionError("c", "m", ExecutionErrorKind.System), new ExecutionError("c", "m", ExecutionErrorKind.User));
        Assert.NotEqual(new ExecutionError("c", "m"), new ExecutionError("c", "other"));
        Assert.Equal(new ExecutionError(null, null), ExecutionError.Unknown);
    }

    [Fact]
    public void With_ReplacesOneValue()
    {
        var error = new ExecutionError("c", "m") with { Kind = ExecutionErrorKind.System };

        Assert.Equal(new ExecutionError("c", "m", ExecutionErrorKind.System), error);
    }

    [Fact]
    public void Default_EqualsUnknown()
    {
        Assert.Equal(ExecutionError.Unknown, default(ExecutionError));
        Assert.Equal(ExecutionError.Unknown.GetHashCode(), default(ExecutionError).GetHashCode());
        Assert.Equal(new ExecutionError("c", "m", ExecutionErrorKind.User), new ExecutionError("c", "m", default));
    }
}
