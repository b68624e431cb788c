using System.Reflection;
using AsyncPluginGen.Generators.Tests.Infrastructure;

namespace AsyncPluginGen.Generators.Tests.Serialization;

/// <summary>
/// Compiles plugins whose metas cover every supported shape, loads them, and drives the generated serializers through
/// a probe compiled with them: round trips, the JSON they write, tolerant reading, and every kind of malformed input.
/// </summary>
public sealed class MetaSerializerRunTests
{
    private static readonly Lazy<Type> ProbeType = new(() =>
        GeneratorHarness.EmitAndLoad(GeneratorHarness.RunClean(MetaSources.Plugins).Output).GetType("Metas.Probe", throwOnError: true)!);

    /// <summary>A JSON object with every required member of Everything, to which a test adds or replaces members.</summary>
    private const string Minimal = """
        "text":"t","flag":true,"letter":"a","b":1,"sb":1,"s":1,"us":1,"i":1,"ui":1,"l":1,"ul":1,"f":1,"d":1,"m":1,
        "color":"Red","perms":"None","huge":"Zero","id":"0f8fad5b-d9cb-469f-a165-70867728950e","when":"2024-01-01T00:00:00Z",
        "at":"2024-01-01T00:00:00+02:00","span":"00:00:01","link":"https://x","bytes":"AAE=","tags":[],"numbers":[],"inners":[],
        "maybes":[],"colors":[],"counts":{},"lookup":{},"nested":{"name":"n","color":"Red"},"where":{"x":1,"y":2},"jagged":[]
        """;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Every_supported_shape_round_trips_including_extremes_unicode_and_nulls(int variant)
    {
        var expected = Call<string>("Describe", Call<object>("Sample", variant));

        Assert.Equal(expected, Call<string>("RoundTrip", variant));
    }

    [Fact]
    public void The_JSON_is_compact_camelCase_with_enums_by_name_and_non_finite_numbers_as_strings()
    {
        var json = Call<string>("Write", Call<object>("Sample", 0));

        Assert.StartsWith("{\"text\":\"plain\",\"maybe\":\"maybe\",\"flag\":true,\"letter\":\"x\",\"b\":0,\"sb\":-128,", json, StringComparison.Ordinal);
        Assert.Contains("\"color\":\"Green\",\"perms\":\"Read, Write\",\"huge\":\"Max\",\"noColor\":null,", json, StringComparison.Ordinal);
        Assert.Contains("\"span\":\"-10675199.02:48:05.4775808\"", json, StringComparison.Ordinal);
        Assert.Contains("\"bytes\":\"AAH/\"", json, StringComparison.Ordinal);
        Assert.Contains("\"inners\":[{\"name\":\"i\",\"count\":1,\"color\":\"Blue\"}]", json, StringComparison.Ordinal);
        Assert.Contains("\"counts\":{\"one\":1,\"Two\":2}", json, StringComparison.Ordinal);
        Assert.Contains("\"where\":{\"x\":1,\"y\":2},\"noWhere\":null,\"jagged\":[[1,2],[]],\"note\":\"note\",\"version\":7}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("computed", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\": ", json, StringComparison.Ordinal);

        var specials = Call<string>("Write", Call<object>("Sample", 2));
        Assert.Contains("\"f\":\"NaN\",\"d\":\"-Infinity\"", specials, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_members_are_ignored_and_member_names_match_ignoring_case()
    {
        var json = "{" + Minimal.Replace("\"text\":\"t\"", "\"TEXT\":\"upper\",\"Extra\":{\"deep\":[1,{\"x\":null}]},\"another\":[]", StringComparison.Ordinal) + "}";

        var described = Call<string>("Describe", Call<object>("Read", json));

        Assert.StartsWith("upper;null;True;", described, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_nullable_and_optional_members_take_their_defaults()
    {
        var described = Call<string>("Describe", Call<object>("Read", "{" + Minimal + "}"));

        // maybe, noColor, nullableInt, noLong, noNested, noWhere are null; note and version keep their initializers.
        Assert.Contains(";Red;None;Zero;null;", described, StringComparison.Ordinal);
        Assert.EndsWith(";Inner(n|null|Red);null;1,2;null;[];default note;1", described, StringComparison.Ordinal);
        Assert.Equal("id|3|null|0.5|default note|1|o", Call<string>("ReadSmall", "{\"id\":\"id\",\"owner\":\"o\"}"));
        Assert.Equal("id|4|eu|0.25|n|2|o", Call<string>("ReadSmall", Call<string>("WriteSmall")));
    }

    [Fact]
    public void Plain_classes_scalars_and_lists_round_trip()
    {
        Assert.Equal("{\"name\":\"n\",\"count\":1,\"label\":\"l\"}", Call<string>("WriteSettable"));
        Assert.Equal("n|1|l", Call<string>("ReadSettable", Call<string>("WriteSettable")));
        Assert.Equal("null|7|l", Call<string>("ReadSettable", "{\"label\":\"l\"}"));
        Assert.Equal("-9223372036854775808=-9223372036854775808", Call<string>("RoundTripScalar", long.MinValue));
        Assert.Equal("[\"a\",\"\\u00FC\"]=a,\u00fc", Call<string>("RoundTripList", new object[] { new[] { "a", "\u00fc" } }));
    }

    [Theory]
    [InlineData("\"color\":5", ";Green;")]
    [InlineData("\"color\":\"green\"", ";Green;")]
    [InlineData("\"perms\":3", ";Read, Write;")]
    [InlineData("\"perms\":\"write, read\"", ";Read, Write;")]
    [InlineData("\"f\":\"Infinity\"", ";Infinity;")]
    public void Enums_read_names_in_any_case_and_defined_integers(string member, string expected)
    {
        var name = member[..member.IndexOf(':', StringComparison.Ordinal)];
        var json = "{" + Minimal + "," + member + "}";
        Assert.Contains(name, Minimal, StringComparison.Ordinal);

        Assert.Contains(expected, Call<string>("Describe", Call<object>("Read", json)), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Malformed => new()
    {
        { "not json", "not valid JSON" },
        { "", "is empty" },
        { "{" + Minimal + "} {}", "not valid JSON" },
        { "[]", "'Everything' must be an object, but the JSON has an array" },
        { "{" + Minimal.Replace("\"text\":\"t\",", "", StringComparison.Ordinal) + "}", "'Everything.text' is required but missing" },
        { "{" + Minimal + ",\"text\":5}", "'Everything.text' must be a string, but the JSON has a number" },
        { "{" + Minimal + ",\"text\":null}", "'Everything.text' must be a string, but the JSON has null" },
        { "{" + Minimal + ",\"flag\":\"yes\"}", "'Everything.flag' must be true or false" },
        { "{" + Minimal + ",\"b\":256}", "'Everything.b' must be an integer from 0 to 255, but the JSON has 256" },
        { "{" + Minimal + ",\"i\":1.5}", "'Everything.i' must be an integer from -2147483648 to 2147483647" },
        { "{" + Minimal + ",\"ul\":-1}", "'Everything.ul' must be an integer from 0 to 18446744073709551615" },
        { "{" + Minimal + ",\"d\":1e400}", "'Everything.d' must be a number within the range of double" },
        { "{" + Minimal + ",\"m\":1e40}", "'Everything.m' must be a number within the range of decimal" },
        { "{" + Minimal + ",\"color\":\"Purple\"}", "'Everything.color' must be a member of Color, but the JSON has \"Purple\"" },
        { "{" + Minimal + ",\"color\":3}", "'Everything.color' must be a member of Color, but the JSON has 3" },
        { "{" + Minimal + ",\"color\":\"5\"}", "'Everything.color' must be a member of Color" },
        { "{" + Minimal + ",\"perms\":4}", "'Everything.perms' must be a member of Perms" },
        { "{" + Minimal + ",\"letter\":\"ab\"}", "'Everything.letter' must be a string of one character" },
        { "{" + Minimal + ",\"id\":\"nope\"}", "'Everything.id' must be a GUID string" },
        { "{" + Minimal + ",\"when\":\"yesterday\"}", "'Everything.when' must be an ISO 8601 date and time" },
        { "{" + Minimal + ",\"span\":\"1 hour\"}", "'Everything.span' must be a time span" },
        { "{" + Minimal + ",\"bytes\":\"***\"}", "'Everything.bytes' must be a base64 string" },
        { "{" + Minimal + ",\"tags\":{}}", "'Everything.tags' must be an array, but the JSON has an object" },
        { "{" + Minimal + ",\"tags\":[1]}", "'Everything.tags' must be a string, but the JSON has a number" },
        { "{" + Minimal + ",\"counts\":{\"a\":\"1\"}}", "'Everything.counts' must be a 32-bit integer, but the JSON has a string" },
        { "{" + Minimal + ",\"nested\":{\"color\":\"Red\"}}", "'Inner.name' is required but missing" },
        { "{" + Minimal + ",\"nested\":null}", "'Everything.nested' must be an object, but the JSON has null" },
        { "{" + Minimal + ",\"where\":{\"x\":1}}", "'Point.y' is required but missing" },
        { "{" + Minimal + ",\"unknown\":" + new string('[', 40) + new string(']', 40) + "}", "nests deeper than 32 levels" },
        { "{\"text\":\"\\uD800\"}", "not valid" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_input_throws_a_format_exception_that_names_the_member_and_the_problem(string json, string message)
    {
        var error = Assert.Throws<ResourceMetaFormatException>(() => Call<object>("Read", json));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Fact]
    public void Invalid_UTF8_is_a_format_exception()
    {
        byte[] json = [.. "{\"text\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        var error = Assert.Throws<ResourceMetaFormatException>(() => Call<object>("ReadBytes", new object[] { json }));

        Assert.Contains("not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_quote_at_most_a_short_excerpt_of_the_input()
    {
        var secret = new string('s', 5_000);
        var error = Assert.Throws<ResourceMetaFormatException>(() => Call<object>("Read", "{" + Minimal + ",\"color\":\"" + secret + "\"}"));

        Assert.Equal("Everything.color", error.Member);
        Assert.True(error.Message.Length < 250, error.Message);
        Assert.Contains(new string('s', 100) + "...", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_an_enum_value_without_a_name_fails_at_once_rather_than_when_the_meta_is_read_back()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Call<object>("WriteUndefinedEnum"));

        Assert.Contains("Color has no member with value 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_init_only_member_of_a_plain_class_must_be_present()
    {
        var error = Assert.Throws<ResourceMetaFormatException>(() => Call<object>("ReadSettable", "{\"name\":\"n\"}"));

        Assert.Contains("'Settable.label' is required but missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scalar_meta_reports_its_type()
    {
        var error = Assert.Throws<ResourceMetaFormatException>(() => Call<object>("ReadScalar", "\"42\""));

        Assert.Contains("'long' must be a 64-bit integer, but the JSON has a string", error.Message, StringComparison.Ordinal);
    }

    private static T Call<T>(string method, params object?[] arguments)
    {
        try
        {
            return (T)ProbeType.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
