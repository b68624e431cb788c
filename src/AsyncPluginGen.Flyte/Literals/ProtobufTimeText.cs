using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using static AsyncPluginGen.Flyte.Literals.LiteralDescriptions;
using Duration = Google.Protobuf.WellKnownTypes.Duration;

namespace AsyncPluginGen.Flyte.Literals;

/// <summary>
/// Datetimes and durations as text, the way protobuf's JSON writes a <see cref="Timestamp"/> and a <see cref="Duration"/>:
/// written with nanoseconds intact, read strictly (a lenient parse would quietly turn "12:00" into today's date).
/// </summary>
internal static class ProtobufTimeText
{
    /// <summary>Protobuf's Duration range: about ±10,000 years.</summary>
    public const long MaxDurationSeconds = 315_576_000_000;

    /// <summary>Timestamp's range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, as Unix seconds.</summary>
    private const long MinTimestampSeconds = -62_135_596_800;

    private const long MaxTimestampSeconds = 253_402_300_799;

    /// <summary>The length of <c>yyyy-MM-ddTHH:mm:ss</c>, after which only a fraction and an offset may follow.</summary>
    private const int WholeSecondsLength = 19;

    private static readonly int[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];

    /// <summary>RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits, as protobuf's JSON writes a Timestamp.</summary>
    public static string FormatTimestamp(Timestamp timestamp, string path)
    {
        if (timestamp.Nanos is < 0 or > 999_999_999 || timestamp.Seconds is < MinTimestampSeconds or > MaxTimestampSeconds)
        {
            throw new LiteralMappingException($"'{path}' is a datetime outside 0001-01-01 to 9999-12-31.", path);
        }

        var whole = DateTime.UnixEpoch.AddSeconds(timestamp.Seconds);
        return whole.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture) + Fraction(timestamp.Nanos) + "Z";
    }

    /// <summary>Seconds with 0, 3, 6 or 9 fractional digits and an <c>s</c>, as protobuf's JSON writes a Duration.</summary>
    public static string FormatDuration(Duration duration, string path)
    {
        if (duration.Seconds is < -MaxDurationSeconds or > MaxDurationSeconds)
        {
            throw new LiteralMappingException($"'{path}' is a duration outside protobuf's range of ±{MaxDurationSeconds} seconds.", path);
        }

        if (Math.Abs(duration.Nanos) > 999_999_999 || (duration.Seconds > 0 && duration.Nanos < 0) || (duration.Seconds < 0 && duration.Nanos > 0))
        {
            throw new LiteralMappingException($"'{path}' is a malformed duration (seconds and nanos disagree in sign, or nanos exceed a second).", path);
        }

        var negative = duration.Seconds < 0 || duration.Nanos < 0;
        return (negative ? "-" : "") + Math.Abs(duration.Seconds).ToString(CultureInfo.InvariantCulture) + Fraction(Math.Abs(duration.Nanos)) + "s";
    }

    /// <summary>
    /// RFC 3339: <c>yyyy-MM-ddTHH:mm:ss</c> (<c>T</c>, <c>t</c> or a space), then 1 to 9 fraction digits if any, then
    /// <c>Z</c>, <c>±hh:mm</c> or nothing (read as UTC, as protobuf's own FromDatetime reads a naive datetime).
    /// </summary>
    public static Timestamp ParseTimestamp(string text, string path)
    {
        // The shape is checked by hand, position by position: DateTimeOffset's parser alone also takes "+0200" or "+02",
        // and a fraction cut out of the text wherever it stood (after the offset, say) would be taken too.
        var span = text.AsSpan();
        if (span.Length < WholeSecondsLength || !IsWholeSeconds(span[..WholeSecondsLength]))
        {
            throw NotATimestamp(text, path);
        }

        var rest = span[WholeSecondsLength..];
        var nanos = 0;
        if (rest.StartsWith(".", StringComparison.Ordinal))
        {
            var digits = rest[1..].IndexOfAnyExceptInRange('0', '9');
            digits = digits < 0 ? rest.Length - 1 : digits;
            if (digits is 0 or > 9)
            {
                throw NotATimestamp(text, path);
            }

            nanos = int.Parse(rest.Slice(1, digits), NumberStyles.None, CultureInfo.InvariantCulture) * PowersOfTen[9 - digits];
            rest = rest[(1 + digits)..];
        }

        var offset = rest switch
        {
            [] or ['Z'] or ['z'] => "Z",
            [('+' or '-'), >= '0' and <= '9', >= '0' and <= '9', ':', >= '0' and <= '9', >= '0' and <= '9'] => rest.ToString(),
            _ => throw NotATimestamp(text, path),
        };

        // The date, the time and the offset are now in one fixed form; DateTimeOffset checks their ranges (month 13,
        // an offset beyond ±14:00, a UTC instant before year 1 or after 9999).
        var normalized = string.Concat(span[..10], "T", span[11..WholeSecondsLength], offset);
        if (!DateTimeOffset.TryParseExact(normalized, "yyyy'-'MM'-'dd'T'HH':'mm':'ssK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            throw NotATimestamp(text, path);
        }

        return new Timestamp { Seconds = parsed.ToUnixTimeSeconds(), Nanos = nanos };
    }

    /// <summary>Protobuf's <c>1.5s</c> form, or a .NET TimeSpan with a colon (<c>00:01:30</c>).</summary>
    public static Duration ParseDuration(string text, string path)
    {
        if (TryParseSeconds(text, out var duration))
        {
            return duration;
        }

        // A TimeSpan ([-][d.]hh:mm[:ss[.fffffff]]) needs a colon: TimeSpan would read a bare "90" as 90 days.
        if (text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span))
        {
            duration = Duration.FromTimeSpan(span);
            if (duration.Seconds is >= -MaxDurationSeconds and <= MaxDurationSeconds)
            {
                return duration;
            }
        }

        throw new LiteralMappingException(
            $"'{path}' is declared as DURATION, but '{Clip(text)}' is neither protobuf's '1.5s' form (at most 9 fraction digits, within ±{MaxDurationSeconds}s) nor a TimeSpan such as 00:01:30.",
            path);
    }

    private static string Fraction(int nanos) =>
        nanos == 0 ? ""
        : nanos % 1_000_000 == 0 ? "." + (nanos / 1_000_000).ToString("D3", CultureInfo.InvariantCulture)
        : nanos % 1_000 == 0 ? "." + (nanos / 1_000).ToString("D6", CultureInfo.InvariantCulture)
        : "." + nanos.ToString("D9", CultureInfo.InvariantCulture);

    /// <summary><c>dddd-dd-dd?dd:dd:dd</c>, where <c>?</c> is <c>T</c>, <c>t</c> or a space; the values' ranges are checked later.</summary>
    private static bool IsWholeSeconds(ReadOnlySpan<char> text)
    {
        const string Shape = "0000-00-00T00:00:00";
        for (var i = 0; i < Shape.Length; i++)
        {
            var fits = Shape[i] switch
            {
                '0' => char.IsAsciiDigit(text[i]),
                'T' => text[i] is 'T' or 't' or ' ',
                _ => text[i] == Shape[i],
            };
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    private static LiteralMappingException NotATimestamp(string text, string path) =>
        new($"'{path}' is declared as DATETIME, but '{Clip(text)}' is not an RFC 3339 date and time such as 2024-05-01T12:00:00Z or 2024-05-01T14:00:00.123456789+02:00 (at most 9 fraction digits, 0001 to 9999 in UTC).", path);

    /// <summary>Protobuf's JSON form of a Duration: an optional sign, whole seconds, up to 9 fraction digits, and <c>s</c>.</summary>
    private static bool TryParseSeconds(string text, [NotNullWhen(true)] out Duration? duration)
    {
        duration = null;
        var span = text.AsSpan();
        if (!span.EndsWith("s", StringComparison.Ordinal))
        {
            return false;
        }

        span = span[..^1];
        var negative = span.StartsWith("-", StringComparison.Ordinal);
        if (negative || span.StartsWith("+", StringComparison.Ordinal))
        {
            span = span[1..];
        }

        var dot = span.IndexOf('.');
        var whole = dot < 0 ? span : span[..dot];
        var fraction = dot < 0 ? [] : span[(dot + 1)..];
        if (whole.Length is 0 or > 18 || whole.ContainsAnyExceptInRange('0', '9')
            || (dot >= 0 && (fraction.Length is 0 or > 9 || fraction.ContainsAnyExceptInRange('0', '9'))))
        {
            return false;
        }

        var seconds = long.Parse(whole, NumberStyles.None, CultureInfo.InvariantCulture);
        var nanos = fraction.IsEmpty ? 0 : int.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture) * PowersOfTen[9 - fraction.Length];
        if (seconds > MaxDurationSeconds)
        {
            return false;
        }

        duration = new Duration { Seconds = negative ? -seconds : seconds, Nanos = negative ? -nanos : nanos };
        return true;
    }
}
