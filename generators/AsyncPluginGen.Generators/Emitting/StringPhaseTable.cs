using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AsyncPluginGen.Generators.Model;

namespace AsyncPluginGen.Generators.Emitting;

/// <summary>
/// For a string state with enough mapped states, a perfect hash from the state to a slot: the state's length and the
/// characters at a few fixed positions (chosen so that no two mapped states agree on all of them) are mixed into a
/// bucket, whose displacement gives the slot. Status computes the slot without a branch, confirms the state with one
/// ordinal (or ordinal-ignore-case) comparison, and reads the phase from a table; a <c>switch</c> over a string, even
/// one the compiler splits by length and character, takes data-dependent branches that a mix of states mispredicts.
/// </summary>
/// <remarks>
/// The hash is found when the generator runs, by trying displacements from 0 up, so the output is deterministic.
/// States that cannot be told apart by up to <see cref="MaxPositions"/> characters within 8 of either end, an empty
/// state, or, with
/// <c>IgnoreCase</c>, a non-ASCII character at a chosen position leave the plugin with the <c>switch</c>.
/// </remarks>
internal sealed class StringPhaseTable
{
    /// <summary>Fewer states than this compile to a short chain of length tests the branch predictor learns.</summary>
    public const int MinCases = 8;

    public const string FindMethod = "Find";
    public const string StatesField = "States";
    public const string DisplacementsField = "Displacements";

    /// <summary>Multipliers of the two mixing steps: odd (so each is a bijection) and with well spread bits.</summary>
    public const ulong KeyMultiplier = 0x9E3779B97F4A7C15UL;
    public const uint SlotMultiplier = 0x85EBCA6Bu;

    /// <summary>Where each chosen character goes in the 64-bit key: 14 bits apart, so ASCII characters never overlap.</summary>
    public const int FirstShift = 8;
    public const int ShiftStep = 14;

    private const int MaxPositions = 4;
    private const int MaxCandidateOffset = 8;
    private const int MaxDisplacement = ushort.MaxValue;

    private readonly PhaseCaseModel?[] _slots;

    private StringPhaseTable(
        StringStatusModel status, int minLength, int maxLength, CharPosition[] positions, int bucketBits, int slotBits, ushort[] displacements, PhaseCaseModel?[] slots)
    {
        Status = status;
        MinLength = minLength;
        MaxLength = maxLength;
        Positions = positions;
        BucketBits = bucketBits;
        SlotBits = slotBits;
        Displacements = displacements;
        _slots = slots;
    }

    public StringStatusModel Status { get; }

    /// <summary>The shortest mapped state's length: every chosen position exists in a state at least this long.</summary>
    public int MinLength { get; }

    public int MaxLength { get; }

    /// <summary>The characters that, with the length, tell the mapped states apart.</summary>
    public IReadOnlyList<CharPosition> Positions { get; }

    /// <summary>log2 of the number of buckets: the top bits of the mixed key pick the bucket.</summary>
    public int BucketBits { get; }

    /// <summary>log2 of the number of slots: the top bits of the displaced key pick the slot.</summary>
    public int SlotBits { get; }

    public IReadOnlyList<ushort> Displacements { get; }

    public int SlotCount => _slots.Length;

    /// <summary>The table for <paramref name="status"/>, or null when the <c>switch</c> is the better (or only) shape.</summary>
    public static StringPhaseTable? For(StringStatusModel status)
    {
        var states = status.Cases.Select(c => c.State).ToArray();
        if (states.Length < MinCases || states.Any(s => s.Length == 0))
        {
            return null;
        }

        var minLength = states.Min(s => s.Length);
        var maxLength = states.Max(s => s.Length);
        if (ChoosePositions(states, minLength, status.IgnoreCase) is not { } positions)
        {
            return null;
        }

        var hashes = states.Select(s => Hash(Key(s, positions, status.IgnoreCase))).ToArray();
        var fewest = Log2Ceiling(states.Length);

        // Half-empty at worst: each bucket then finds free slots after a few displacements.
        for (var slotBits = fewest + 1; slotBits <= fewest + 3; slotBits++)
        {
            var bucketBits = System.Math.Max(1, fewest - 1);
            if (Displace(hashes, bucketBits, slotBits) is { } found)
            {
                var slots = new PhaseCaseModel?[1 << slotBits];
                for (var i = 0; i < hashes.Length; i++)
                {
                    slots[found.SlotOfKey[i]] = status.Cases[i];
                }

                return new StringPhaseTable(status, minLength, maxLength, positions, bucketBits, slotBits, found.Displacements, slots);
            }
        }

        return null;
    }

    /// <summary>The case in <paramref name="slot"/>, or null for a slot no mapped state hashes to.</summary>
    public PhaseCaseModel? At(int slot) => _slots[slot];

    /// <summary>The slot of <paramref name="phaseCase"/>.</summary>
    public int SlotOf(PhaseCaseModel phaseCase) => System.Array.IndexOf(_slots, phaseCase);

    /// <summary>Whether the case's phase is the same for every resource (see <see cref="EnumPhaseTable.IsConstant"/>).</summary>
    public bool IsConstant(PhaseCaseModel phaseCase) =>
        Status.InfoAccess is null && (Status.MessageAccess is null || phaseCase.Phase is not ("PermanentFailure" or "RetryableFailure"));

    public bool HasConstantPhases => Status.Cases.Any(IsConstant);

    /// <summary>The key Status computes: the length, then each chosen character, in its own bit range (wider characters may overlap; the mixing does not mind).</summary>
    public static ulong Key(string state, IReadOnlyList<CharPosition> positions, bool ignoreCase)
    {
        var key = (ulong)state.Length;
        for (var i = 0; i < positions.Count; i++)
        {
            key ^= (ulong)Fold(positions[i].In(state), ignoreCase) << Shift(i);
        }

        return key;
    }

    public static int Shift(int position) => FirstShift + (ShiftStep * position);

    /// <summary>The top 32 bits of the key times <see cref="KeyMultiplier"/>: distinct keys whose hashes collide are rejected like equal keys.</summary>
    public static uint Hash(ulong key) => (uint)((key * KeyMultiplier) >> 32);

    public static string Hex(uint value) => "0x" + value.ToString("X8", CultureInfo.InvariantCulture) + "u";

    public static string Hex(ulong value) => "0x" + value.ToString("X16", CultureInfo.InvariantCulture) + "UL";

    private static char Fold(char c, bool ignoreCase) => ignoreCase ? (char)(c | 0x20) : c;

    /// <summary>
    /// The fewest positions (first or last characters preferred) on which, with the length, no two states agree. With
    /// IgnoreCase every state's character there must be ASCII: for ASCII, equal ignoring case means equal once the
    /// 0x20 bit is set, which is what Status hashes.
    /// </summary>
    private static CharPosition[]? ChoosePositions(string[] states, int minLength, bool ignoreCase)
    {
        var reach = System.Math.Min(minLength, MaxCandidateOffset);
        var candidates = new List<CharPosition>();
        for (var offset = 0; offset < reach; offset++)
        {
            candidates.Add(new CharPosition(offset, FromEnd: false));
            candidates.Add(new CharPosition(offset + 1, FromEnd: true));
        }

        if (ignoreCase)
        {
            candidates.RemoveAll(p => states.Any(s => p.In(s) > 0x7F));
        }

        for (var size = 1; size <= MaxPositions; size++)
        {
            foreach (var combination in Combinations(candidates, size))
            {
                var seen = new HashSet<uint>();
                if (states.All(s => seen.Add(Hash(Key(s, combination, ignoreCase)))))
                {
                    return combination;
                }
            }
        }

        return null;
    }

    private static IEnumerable<CharPosition[]> Combinations(List<CharPosition> candidates, int size)
    {
        var indexes = Enumerable.Range(0, size).ToArray();
        if (size > candidates.Count)
        {
            yield break;
        }

        while (true)
        {
            yield return indexes.Select(i => candidates[i]).ToArray();
            var k = size - 1;
            while (k >= 0 && indexes[k] == candidates.Count - size + k)
            {
                k--;
            }

            if (k < 0)
            {
                yield break;
            }

            indexes[k]++;
            for (var j = k + 1; j < size; j++)
            {
                indexes[j] = indexes[j - 1] + 1;
            }
        }
    }

    /// <summary>Hash and displace: fill the fullest buckets first, each with the smallest displacement that lands all its hashes on free slots.</summary>
    private static Displaced? Displace(uint[] hashes, int bucketBits, int slotBits)
    {
        var buckets = new List<int>[1 << bucketBits];
        for (var i = 0; i < hashes.Length; i++)
        {
            var bucket = (int)(hashes[i] >> (32 - bucketBits));
            (buckets[bucket] ??= []).Add(i);
        }

        var taken = new bool[1 << slotBits];
        var slotOfKey = new int[hashes.Length];
        var displacements = new ushort[buckets.Length];
        var order = Enumerable.Range(0, buckets.Length).OrderByDescending(b => buckets[b]?.Count ?? 0).ThenBy(b => b);
        foreach (var bucket in order)
        {
            if (buckets[bucket] is not { } members)
            {
                continue;
            }

            if (!TryPlace(hashes, members, slotBits, taken, slotOfKey, out var displacement))
            {
                return null;
            }

            displacements[bucket] = displacement;
        }

        return new Displaced(displacements, slotOfKey);
    }

    private static bool TryPlace(uint[] hashes, List<int> members, int slotBits, bool[] taken, int[] slotOfKey, out ushort displacement)
    {
        var chosen = new int[members.Count];
        for (var d = 0; d <= MaxDisplacement; d++)
        {
            var fits = true;
            for (var m = 0; m < members.Count && fits; m++)
            {
                var slot = Slot(hashes[members[m]], (ushort)d, slotBits);
                fits = !taken[slot] && System.Array.IndexOf(chosen, slot, 0, m) < 0;
                chosen[m] = slot;
            }

            if (fits)
            {
                for (var m = 0; m < members.Count; m++)
                {
                    taken[chosen[m]] = true;
                    slotOfKey[members[m]] = chosen[m];
                }

                displacement = (ushort)d;
                return true;
            }
        }

        displacement = 0;
        return false;
    }

    /// <summary>What Status computes, in the same unsigned 32-bit arithmetic.</summary>
    private static int Slot(uint hash, ushort displacement, int slotBits) =>
        (int)(((hash ^ displacement) * SlotMultiplier) >> (32 - slotBits));

    private static int Log2Ceiling(int value)
    {
        var bits = 0;
        while ((1 << bits) < value)
        {
            bits++;
        }

        return bits;
    }

    private sealed record Displaced(ushort[] Displacements, int[] SlotOfKey);
}

/// <summary>A character position counted from the start (0 is the first) or from the end (1 is the last).</summary>
internal readonly record struct CharPosition(int Offset, bool FromEnd)
{
    public char In(string state) => FromEnd ? state[state.Length - Offset] : state[Offset];

    /// <summary>The index expression in generated code, over a local <c>length</c>.</summary>
    public string Index => FromEnd ? $"length - {Offset}" : Offset.ToString(CultureInfo.InvariantCulture);
}
