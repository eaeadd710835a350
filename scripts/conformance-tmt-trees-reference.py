"""Reference side of scripts/conformance-tmt-trees: every fmf tree under ROOT through tmt 1.78.0's export.

    python conformance-tmt-trees-reference.py ROOT OUTPUT.json [-c K=V]...

For each directory holding `.fmf/version`, writes what `tmt tests export` and `tmt plans export` print in the
json and yaml formats (tmt.utils.to_json / to_yaml of the exported list, as tmt's TrivialExporter does), with
plan imports left unresolved (like `tmt plans ls --shallow`; no network) and a broken node reported instead of
hiding the tree. One Python process for all trees: tmt's start-up dominates otherwise.
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Conformance"))
import dump_reference  # noqa: E402


def trees(root):
    for directory, subdirs, files in os.walk(root):
        subdirs.sort()
        if os.path.isfile(os.path.join(directory, ".fmf", "version")):
            yield directory


def export(path, context):
    import tmt.utils

    os.chdir(path)
    dumped = dump_reference.dump_tmt(path, context, None)
    if dumped["error"] is not None:
        return {"error": dumped["error"]}
    tests, plans = exported(path, context)
    return {
        "error": None,
        "node_errors": [e["name"] + ": " + e.get("message", "") for e in dumped["errors"]],
        "tests_json": tmt.utils.to_json(tests), "tests_yaml": tmt.utils.to_yaml(tests),
        "plans_json": tmt.utils.to_json(plans), "plans_yaml": tmt.utils.to_yaml(plans),
    }


def exported(path, context):
    """Like dump_tmt, but keeping tmt's own (absolute) sources and dropping broken nodes."""
    import tmt
    import tmt.base.core
    import tmt.base.plan
    import tmt.log

    logger = tmt.log.Logger.create(apply_colors_output=False, apply_colors_logging=False)
    fmf_context = tmt.utils.FmfContext.from_spec("cli", list(context), logger)
    tree = tmt.Tree(path=tmt.utils.Path(path), fmf_context=fmf_context, logger=logger)
    tests = []
    for node in tree.tree.prune(keys=["test"]):
        try:
            tests.append(tmt.base.core.Test(node=node, tree=tree, logger=logger.descend()))
        except Exception:  # noqa: BLE001  (reported by dump_tmt)
            pass
    tests.sort(key=lambda t: t.order)
    local = list(tree.tree.prune(keys=["execute"]))
    importing = list(tree.tree.prune(keys=["plan"]))
    plans = []
    for node in [n for n in local if n not in importing] + importing:
        try:
            plans.append(tmt.base.plan.Plan(node=node, tree=tree, logger=logger.descend(), run=None))
        except Exception:  # noqa: BLE001
            pass
    plans.sort(key=lambda p: p.order)
    return safe(tests), safe(plans)


def safe(items):
    result = []
    for item in items:
        try:
            result.append(item._export())
        except Exception:  # noqa: BLE001
            pass
    return result


def main(argv):
    root, output = os.path.abspath(argv[0]), argv[1]
    context = [argv[i + 1] for i in range(2, len(argv) - 1) if argv[i] == "-c"]
    results = {}
    for path in trees(root):
        try:
            results[os.path.relpath(path, root)] = export(path, context)
        except Exception as exc:  # noqa: BLE001
            results[os.path.relpath(path, root)] = {"error": {"message": repr(exc)}}
    with open(output, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=1, sort_keys=True)


if __name__ == "__main__":
    dump_reference.reexec_clean()
    sys.exit(main(sys.argv[1:]))
