#!/usr/bin/env python3
"""Adds every symbol the build reports as undeclared public API (RS0016) to its project's PublicAPI.Unshipped.txt.

Run it after a deliberate API change, then review the diff of the PublicAPI files: that diff is the API change.
Removed or changed symbols (RS0017) are listed, not deleted: take them out of the file by hand.
Usage: eng/update-public-api.py [project-or-solution]   (default: AsyncPluginGen.sln)
"""
import os
import re
import subprocess
import sys

target = sys.argv[1] if len(sys.argv) > 1 else "AsyncPluginGen.sln"


def build():
    result = subprocess.run(["dotnet", "build", target, "-nologo", "-clp:NoSummary"], capture_output=True, text=True)
    added, removed = {}, set()
    for line in result.stdout.splitlines():
        match = re.search(r"error RS0016: Symbol '(.+)' is not part of the declared public API .*\[(.+\.csproj)\]", line)
        if match:
            added.setdefault(os.path.dirname(match.group(2)), set()).add(match.group(1))
        match = re.search(r"error RS0017: Symbol '(.+)' is part of the declared API, but", line)
        if match:
            removed.add(match.group(1))
    return result, added, removed


def record(added):
    for directory, symbols in sorted(added.items()):
        path = os.path.join(directory, "PublicAPI.Unshipped.txt")
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
        header = [l for l in lines if l.startswith("#")]
        body = sorted(set(l for l in lines if l and not l.startswith("#")) | symbols, key=str.lower)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(header + body) + "\n")
        print(f"{path}: {len(symbols)} added")


# A library that fails keeps the ones depending on it from building: repeat until nothing new is reported.
for _ in range(5):
    build_result, added, removed = build()
    if not added:
        break
    record(added)

for symbol in sorted(removed):
    print(f"no longer in the code (remove it from PublicAPI.*.txt): {symbol}")
if not removed:
    print("the declared public API matches the code" if build_result.returncode == 0 else "the build failed for another reason:\n" + build_result.stdout[-4000:])
