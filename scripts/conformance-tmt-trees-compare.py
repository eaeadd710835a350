"""hpctest side of scripts/conformance-tmt-trees: run hpctest's exports in every tree and compare with the
reference file written by conformance-tmt-trees-reference.py. Usage: TREE REFERENCE.json HPCTEST [-c K=V]..."""

import json
import os
import subprocess
import sys

EXPORTS = [("tests", "json"), ("tests", "yaml"), ("plans", "json"), ("plans", "yaml")]


def run(hpctest, context, path, kind, how):
    argv = [hpctest, *context, kind, "export", "--how", how]
    done = subprocess.run(argv, cwd=path, capture_output=True, text=True, check=False)
    return done.returncode, done.stdout, done.stderr


def main(argv):
    root, reference_path, hpctest, context = argv[0], argv[1], argv[2], argv[3:]
    with open(reference_path, encoding="utf-8") as handle:
        reference = json.load(handle)
    counts = {export: [0, 0] for export in EXPORTS}
    skipped, problems = [], []
    for name, expected in sorted(reference.items()):
        if expected.get("error") is not None or expected.get("node_errors"):
            skipped.append(name)  # the reference cannot load this tree (or some nodes): not an export case
            continue
        for kind, how in EXPORTS:
            code, out, err = run(hpctest, context, os.path.join(root, name), kind, how)
            want = expected[f"{kind}_{how}"]
            counts[(kind, how)][1] += 1
            if code == 0 and out.rstrip("\n") == want.rstrip("\n"):
                counts[(kind, how)][0] += 1
            else:
                problems.append((name, kind, how, code, out, err, want))
    for (kind, how), (same, total) in counts.items():
        print(f"{kind} export --how {how}: {same}/{total} trees identical")
    print(f"trees skipped (the reference cannot load them or some of their nodes): {len(skipped)}")
    for name in skipped[:40]:
        print(f"  skipped {name}: {json.dumps(reference[name].get('error') or reference[name]['node_errors'])[:200]}")
    for name, kind, how, code, out, err, want in problems[:15]:
        print(f"MISMATCH {name} {kind} --how {how} (exit {code}) {err.strip()[:200]}")
        mine, theirs = out.splitlines(), want.splitlines()
        for index, (a, b) in enumerate(zip(mine, theirs)):
            if a != b:
                print(f"  line {index + 1}: hpctest {a[:160]!r}\n           tmt     {b[:160]!r}")
                break
        else:
            print(f"  lengths: hpctest {len(mine)} lines, tmt {len(theirs)} lines")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
