namespace AsyncPluginGen.Generators.Tests.Serialization;

/// <summary>Plugins whose metas cover every shape the ResourceMeta serializer supports, with a probe that drives them typed.</summary>
internal static class MetaSources
{
    public const string Plugins = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Globalization;
        using System.Linq;
        using System.Text;
        using AsyncPluginGen;

        namespace Metas;

        public enum Color { Red, Green = 5, Blue }

        [Flags]
        public enum Perms : byte { None = 0, Read = 1, Write = 2 }

        public enum Huge : ulong { Zero = 0, Max = ulong.MaxValue }

        public sealed record Inner(string Name, int? Count, Color Color);

        public readonly struct Point
        {
            public Point(int x, int y) { X = x; Y = y; }
            public int X { get; }
            public int Y { get; }
        }

        public sealed record Everything(
            string Text, string? Maybe, bool Flag, char Letter,
            byte B, sbyte SB, short S, ushort US, int I, uint UI, long L, ulong UL,
            float F, double D, decimal M,
            Color Color, Perms Perms, Huge Huge, Color? NoColor,
            Guid Id, DateTime When, DateTimeOffset At, TimeSpan Span, Uri Link, byte[] Bytes,
            int? NullableInt, long? NoLong,
            string[] Tags, List<int> Numbers, IReadOnlyList<Inner> Inners, IList<string?> Maybes, ImmutableArray<Color> Colors,
            Dictionary<string, int> Counts, IReadOnlyDictionary<string, Inner?> Lookup,
            Inner Nested, Inner? NoNested, Point Where, Point? NoWhere, int[][] Jagged)
        {
            public string Note { get; set; } = "default note";
            public int Version { get; init; } = 1;
            public string Computed => Text + "!";
        }

        /// <summary>Optional members: defaults, nullables, setters, init-only and required members.</summary>
        public sealed record Small(string Id, int Attempt = 3, string? Region = null, double Ratio = 0.5)
        {
            public string Note { get; set; } = "default note";
            public int Version { get; init; } = 1;
            public required string Owner { get; init; }
        }

        /// <summary>A plain class: a parameterless constructor and setters.</summary>
        public sealed class Settable
        {
            public string? Name { get; set; }
            public int Count { get; set; } = 7;
            public string Label { get; init; } = "";
        }

        public sealed record Res([property: PhaseSource] string State);

        [AsyncPlugin("everything")]
        [PhaseMapping("done", TaskPhase.Success)]
        public sealed partial class EverythingPlugin
        {
            public Everything Create(TaskContext task) => Probe.Sample(0);
            public Res Get(Everything meta) => new("done");
            public void Delete(Everything meta) { }
        }

        [AsyncPlugin("small")]
        [PhaseMapping("done", TaskPhase.Success)]
        public sealed partial class SmallPlugin
        {
            public Small Create(TaskContext task) => new("s") { Owner = "me" };
            public Res Get(Small meta) => new("done");
            public void Delete(Small meta) { }
        }

        [AsyncPlugin("settable")]
        [PhaseMapping("done", TaskPhase.Success)]
        public sealed partial class SettablePlugin
        {
            public Settable Create(TaskContext task) => new();
            public Res Get(Settable meta) => new("done");
            public void Delete(Settable meta) { }
        }

        [AsyncPlugin("scalar")]
        [PhaseMapping("done", TaskPhase.Success)]
        public sealed partial class ScalarPlugin
        {
            public long Create(TaskContext task) => 42;
            public Res Get(long meta) => new("done");
            public void Delete(long meta) { }
        }

        [AsyncPlugin("list")]
        [PhaseMapping("done", TaskPhase.Success)]
        public sealed partial class ListPlugin
        {
            public List<string> Create(TaskContext task) => new() { "a" };
            public Res Get(List<string> meta) => new("done");
            public void Delete(List<string> meta) { }
        }

        /// <summary>Typed access for the tests, which cannot name these types.</summary>
        public static class Probe
        {
            private static IResourceMetaSerializer<Everything> Everything => ((IResourceMetaSerializerProvider<Everything>)new EverythingPlugin()).ResourceMetaSerializer;

            public static Everything Sample(int variant) => variant switch
            {
                0 => new Everything(
                    "plain", "maybe", true, 'x',
                    0, sbyte.MinValue, short.MinValue, 0, int.MinValue, 0, long.MinValue, 0,
                    float.MinValue, double.Epsilon, decimal.MinValue,
                    Color.Green, Perms.Read | Perms.Write, Huge.Max, null,
                    Guid.Empty, new DateTime(2024, 2, 29, 23, 59, 59, DateTimeKind.Utc).AddTicks(1234567), DateTimeOffset.MinValue, TimeSpan.MinValue,
                    new Uri("https://example.com/a b?q=ü"), new byte[] { 0, 1, 255 },
                    null, null,
                    new[] { "a", "", "c" }, new List<int> { 1, -1 }, new[] { new Inner("i", 1, Color.Blue) }, new List<string?> { null, "m" }, ImmutableArray.Create(Color.Red, Color.Blue),
                    new Dictionary<string, int> { ["one"] = 1, ["Two"] = 2 }, new Dictionary<string, Inner?> { ["x"] = null, ["y"] = new Inner("y", null, Color.Red) },
                    new Inner("nested", 3, Color.Red), null, new Point(1, 2), null, new[] { new[] { 1, 2 }, Array.Empty<int>() })
                    { Note = "note", Version = 7 },
                1 => new Everything(
                    "日本語 🎉 \u0000 \"quoted\" \\ \u2028 \t\n", null, false, '\u00e9',
                    byte.MaxValue, sbyte.MaxValue, short.MaxValue, ushort.MaxValue, int.MaxValue, uint.MaxValue, long.MaxValue, ulong.MaxValue,
                    float.MaxValue, double.MaxValue, decimal.MaxValue,
                    Color.Red, Perms.None, Huge.Zero, Color.Blue,
                    Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), new DateTimeOffset(2030, 12, 31, 23, 59, 59, TimeSpan.FromHours(-5.5)), TimeSpan.MaxValue,
                    new Uri("relative/path", UriKind.Relative), Array.Empty<byte>(),
                    int.MinValue, long.MaxValue,
                    Array.Empty<string>(), new List<int>(), new List<Inner>(), new List<string?>(), default,
                    new Dictionary<string, int>(), new Dictionary<string, Inner?>(),
                    new Inner("", null, Color.Green), new Inner("n", int.MaxValue, Color.Blue), default, new Point(-1, int.MinValue), Array.Empty<int[]>()),
                _ => new Everything(
                    "specials", null, true, '"',
                    1, -1, -1, 1, -1, 1, -1, 1,
                    float.NaN, double.NegativeInfinity, 0.1m,
                    Color.Blue, Perms.Write, Huge.Zero, null,
                    Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"), DateTime.UnixEpoch, DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(1.5),
                    new Uri("urn:isbn:0451450523"), new byte[] { 42 },
                    0, 0,
                    new[] { "x" }, new List<int> { 0 }, new List<Inner>(), new List<string?> { "" }, ImmutableArray.Create(Color.Green),
                    new Dictionary<string, int> { [""] = 0 }, new Dictionary<string, Inner?>(),
                    new Inner("z", 0, Color.Blue), null, default, null, new[] { new[] { 0 } })
                    { Note = "", Version = 0 },
            };

            public static string Write(Everything meta) => Encoding.UTF8.GetString(ResourceMetaSerializer.Serialize(Everything, meta));

            public static Everything Read(string json) => Everything.Read(Encoding.UTF8.GetBytes(json));

            public static Everything ReadBytes(byte[] utf8) => ResourceMetaSerializer.Deserialize(Everything, utf8);

            public static string RoundTrip(int variant) => Describe(Read(Write(Sample(variant))));

            /// <summary>Every value, formatted exactly: two metas describe the same iff they hold the same data.</summary>
            public static string Describe(Everything e)
            {
                var c = CultureInfo.InvariantCulture;
                string Inner(Inner? i) => i is null ? "null" : $"Inner({i.Name}|{i.Count?.ToString(c) ?? "null"}|{i.Color})";
                return string.Join(";", new string?[]
                {
                    e.Text, e.Maybe ?? "null", e.Flag.ToString(), ((int)e.Letter).ToString(c),
                    e.B.ToString(c), e.SB.ToString(c), e.S.ToString(c), e.US.ToString(c), e.I.ToString(c), e.UI.ToString(c), e.L.ToString(c), e.UL.ToString(c),
                    e.F.ToString("R", c), e.D.ToString("R", c), e.M.ToString(c),
                    e.Color.ToString(), e.Perms.ToString(), e.Huge.ToString(), e.NoColor?.ToString() ?? "null",
                    e.Id.ToString(), e.When.Ticks.ToString(c) + e.When.Kind, e.At.UtcTicks.ToString(c) + "@" + e.At.Offset, e.Span.Ticks.ToString(c),
                    e.Link.OriginalString, Convert.ToBase64String(e.Bytes),
                    e.NullableInt?.ToString(c) ?? "null", e.NoLong?.ToString(c) ?? "null",
                    "[" + string.Join(",", e.Tags) + "]", "[" + string.Join(",", e.Numbers) + "]", "[" + string.Join(",", e.Inners.Select(Inner)) + "]",
                    "[" + string.Join(",", e.Maybes.Select(m => m ?? "null")) + "]", "[" + string.Join(",", e.Colors.IsDefault ? Array.Empty<Color>() : e.Colors.ToArray()) + "]",
                    "{" + string.Join(",", e.Counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)) + "}",
                    "{" + string.Join(",", e.Lookup.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Inner(p.Value))) + "}",
                    Inner(e.Nested), Inner(e.NoNested), e.Where.X + "," + e.Where.Y, e.NoWhere is { } w ? w.X + "," + w.Y : "null",
                    "[" + string.Join("|", e.Jagged.Select(a => string.Join(",", a))) + "]",
                    e.Note, e.Version.ToString(c),
                });
            }

            private static IResourceMetaSerializer<Small> SmallSerializer => SmallPlugin.AsyncPluginMetaSerializer.Instance;

            public static string ReadSmall(string json)
            {
                var s = SmallSerializer.Read(Encoding.UTF8.GetBytes(json));
                return $"{s.Id}|{s.Attempt}|{s.Region ?? "null"}|{s.Ratio.ToString(CultureInfo.InvariantCulture)}|{s.Note}|{s.Version}|{s.Owner}";
            }

            public static string WriteSmall() =>
                Encoding.UTF8.GetString(ResourceMetaSerializer.Serialize(SmallSerializer, new Small("id", 4, "eu", 0.25) { Note = "n", Version = 2, Owner = "o" }));

            public static string ReadSettable(string json)
            {
                var s = SettablePlugin.AsyncPluginMetaSerializer.Instance.Read(Encoding.UTF8.GetBytes(json));
                return $"{s.Name ?? "null"}|{s.Count}|{s.Label}";
            }

            public static string WriteSettable() =>
                Encoding.UTF8.GetString(ResourceMetaSerializer.Serialize(SettablePlugin.AsyncPluginMetaSerializer.Instance, new Settable { Name = "n", Count = 1, Label = "l" }));

            public static string RoundTripScalar(long value) =>
                Encoding.UTF8.GetString(ResourceMetaSerializer.Serialize(ScalarPlugin.AsyncPluginMetaSerializer.Instance, value))
                + "=" + ScalarPlugin.AsyncPluginMetaSerializer.Instance.Read(ResourceMetaSerializer.Serialize(ScalarPlugin.AsyncPluginMetaSerializer.Instance, value)).ToString(CultureInfo.InvariantCulture);

            public static long ReadScalar(string json) => ScalarPlugin.AsyncPluginMetaSerializer.Instance.Read(Encoding.UTF8.GetBytes(json));

            public static string RoundTripList(params string[] items)
            {
                var serializer = ListPlugin.AsyncPluginMetaSerializer.Instance;
                var json = ResourceMetaSerializer.Serialize(serializer, items.ToList());
                return Encoding.UTF8.GetString(json) + "=" + string.Join(",", serializer.Read(json));
            }

            public static void WriteUndefinedEnum() =>
                ResourceMetaSerializer.Serialize(Everything, Sample(0) with { Color = (Color)3 });
        }
        """;
}
