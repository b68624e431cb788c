#!/usr/bin/env python3
"""Writes the Status benchmarks' generated sources (run from the repository root; the output is committed):

- StatusDispatch/StatusPlugins128.cs: the 128-state enum and string plugins, generated and hand-written, as an author
  with that many states would write them (too long to keep by hand).
- StatusDispatch/LengthCharSwitches.cs: the physical-limit baseline for strings that issue 14 names, for the 4, 32 and
  128 states: a switch on the length, then on a character that tells the states of that length apart, then one
  string.Equals. Each returns the state's index in the mapping's order (-1 when none), which indexes a table.
"""
import pathlib

ROOT = pathlib.Path("benchmarks/AsyncPluginGen.Benchmarks/StatusDispatch")

STRING4 = ["PENDING", "RUNNING", "DONE", "FAILED"]
STRING32 = ["SUBMITTED", "PENDING", "QUEUED", "PROVISIONING", "STARTING", "DOWNLOADING", "PREPARING", "RUNNING",
            "TRAINING", "UPLOADING", "EVALUATING", "STOPPING", "COMPLETED", "SUCCEEDED", "FINISHED", "FAILED", "ERROR",
            "TIMEOUT", "OUTOFMEMORY", "PREEMPTED", "THROTTLED", "SUSPENDED", "RESUMING", "RETRYING", "CANCELLING",
            "CANCELLED", "EXPIRED", "REJECTED", "INVALID", "UNKNOWN", "BLOCKED", "WAITING"]

# 16 stages of a job, each reported with 8 qualifiers (a managed-training service's secondary statuses, say).
STAGES = [("SUBMITTED", "Queued"), ("PENDING", "Queued"), ("QUEUED", "Queued"), ("PROVISIONING", "Initializing"),
          ("STARTING", "Initializing"), ("DOWNLOADING", "Initializing"), ("PREPARING", "Initializing"),
          ("RUNNING", "Running"), ("TRAINING", "Running"), ("UPLOADING", "Running"), ("EVALUATING", "Running"),
          ("STOPPING", "Running"), ("COMPLETED", "Success"), ("FAILED", "PermanentFailure"),
          ("INTERRUPTED", "RetryableFailure"), ("THROTTLED", "WaitingForResources")]
QUALIFIERS = ["", "_GPU", "_CPU", "_SPOT", "_EU_WEST", "_US_EAST", "_STAGE_1", "_STAGE_2"]
STRING128 = [(s + q, p) for s, p in STAGES for q in QUALIFIERS]


def pascal(name):
    return "".join(part.capitalize() for part in name.split("_"))


def phase_call(phase, reason_or_code, message_expr):
    if phase == "PermanentFailure":
        return f"PhaseInfo.Failure({cs(reason_or_code)}, HandWritten.Message({message_expr}, {cs(reason_or_code)}))"
    if phase == "RetryableFailure":
        return f"PhaseInfo.RetryableFailure({cs(reason_or_code)}, HandWritten.Message({message_expr}, {cs(reason_or_code)}))"
    return f"PhaseInfo.{phase}({cs(reason_or_code)})"


def cs(text):
    return '"' + text + '"'


def plugins128():
    out = [HEADER, "namespace AsyncPluginGen.Benchmarks.StatusDispatch;", "",
           "public enum EnumState128", "{"]
    out += [f"    [Phase(TaskPhase.{p})] {pascal(s)}," for s, p in STRING128]
    out += ["}", "",
            "public sealed record EnumJob128(string Id, [property: PhaseSource] EnumState128 State, [property: PhaseMessage] string? Error);", "",
            "public sealed record StringJob128(string Id, [property: PhaseSource] string? State, [property: PhaseMessage] string? Error);", ""]
    out += plugin_pair("Enum128", "EnumJob128", "[AsyncPlugin(\"bench_enum128\")]", [
        f"        EnumState128.{pascal(s)} => {phase_call(p, pascal(s), 'job.Error')}," for s, p in STRING128])
    attributes = "\n".join(f"[PhaseMapping({cs(s)}, TaskPhase.{p})]" for s, p in STRING128)
    out += plugin_pair("String128", "StringJob128", "[AsyncPlugin(\"bench_string128\")]\n" + attributes, [
        f"        {cs(s)} => {phase_call(p, s, 'job.Error')}," for s, p in STRING128])
    return "\n".join(out).rstrip() + "\n"


def plugin_pair(name, job, attributes, arms):
    handlers = [
        f"    public ValueTask<JobRef> CreateAsync(TaskContext task, CancellationToken ct) => new(JobRef.Shared);", "",
        f"    public ValueTask<{job}> GetAsync(JobRef meta, CancellationToken ct) => new(new {job}(meta.Id, default, null));", "",
        f"    public ValueTask DeleteAsync(JobRef meta, CancellationToken ct) => default;"]
    lines = [f"/// <summary>{name[-3:]} {name[:-3].lower()} states; Status generated.</summary>", attributes,
             f"public sealed partial class {name}Plugin", "{"] + handlers + ["}", ""]
    lines += [f"/// <summary>{name[-3:]} {name[:-3].lower()} states; Status written by hand.</summary>",
              f"[AsyncPlugin(\"bench_{name.lower()}_hand\")]", f"public sealed partial class {name}HandPlugin", "{"] + handlers
    lines += ["", f"    public static PhaseInfo Status({job} job) => job.State switch", "    {"] + arms
    lines += ["        _ => PhaseInfo.SystemFailure(\"UnmappedState\", \"unmapped state\"),", "    };", "}", ""]
    return lines


def switch(states, indexes, indent, depth=0):
    """A switch on a character that tells the most states apart, nested while a group still shares it."""
    pad = " " * indent
    if len(states) == 1:
        return [f"{pad}return string.Equals(state, {cs(states[0])}) ? {indexes[states[0]]} : -1;"]
    length = len(states[0])
    best = max(range(length), key=lambda i: (len({s[i] for s in states}), -i))
    lines = [f"{pad}switch (state[{best}])", f"{pad}{{"]
    groups = {}
    for s in states:
        groups.setdefault(s[best], []).append(s)
    for char in sorted(groups):
        lines.append(f"{pad}    case '{char}':")
        lines += switch(groups[char], indexes, indent + 8, depth + 1)
    lines += [f"{pad}    default:", f"{pad}        return -1;", f"{pad}}}"]
    return lines


def length_char_switch(name, states):
    indexes = {s: i for i, s in enumerate(states)}
    listed = ", ".join(cs(s) for s in states)
    lines = [f"    /// <summary>The states <see cref=\"{name}\"/> knows, in the order of its indexes.</summary>",
             f"    public static readonly string[] {name}States = [{listed}];", "",
             f"    /// <summary>The index of one of the {len(states)} states in <see cref=\"{name}States\"/>, or -1.</summary>",
             f"    public static int {name}(string? state)", "    {",
             "        if (state is null)", "        {", "            return -1;", "        }", "",
             "        switch (state.Length)", "        {"]
    by_length = {}
    for s in states:
        by_length.setdefault(len(s), []).append(s)
    for length in sorted(by_length):
        lines.append(f"            case {length}:")
        lines += switch(by_length[length], indexes, 16)
    lines += ["            default:", "                return -1;", "        }", "    }"]
    return lines


def switches():
    out = [HEADER, "namespace AsyncPluginGen.Benchmarks.StatusDispatch;", "",
           "/// <summary>The physical-limit string dispatch: length, then a distinguishing character, then one string.Equals.</summary>",
           "internal static class LengthCharSwitches", "{"]
    out += length_char_switch("String4", STRING4) + [""]
    out += length_char_switch("String32", STRING32) + [""]
    out += length_char_switch("String128", [s for s, _ in STRING128])
    out += ["}"]
    return "\n".join(out) + "\n"


HEADER = "// Written by benchmarks/tools/write-status-sources.py; edit the script, not this file.\n"

WHOLE_PLUGINS = ("// One file on purpose: the 128-state enum and string plugins, generated and hand-written, are one data set that this\n"
                 "// script writes in one piece; splitting it would only scatter the same 128 states over several files.\n")
WHOLE_SWITCHES = ("// One file on purpose: one baseline (the length-and-character dispatch) for the 4, 32 and 128 states, written in one\n"
                  "// piece by this script; its length is the 128-state switch itself.\n")

(ROOT / "StatusPlugins128.cs").write_text(plugins128().replace(HEADER, HEADER + WHOLE_PLUGINS, 1))
(ROOT / "LengthCharSwitches.cs").write_text(switches().replace(HEADER, HEADER + WHOLE_SWITCHES, 1))
