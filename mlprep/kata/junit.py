"""JUnit XML for `mlprep check --junit`: one testsuite per kata, one testcase per case."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from mlprep.kata.model import PASS, TIMEOUT, Verdict


def junit_xml(verdicts: list[Verdict], deck_problems: list[str] | None = None) -> str:
    root = ET.Element("testsuites", name="mlprep check")
    total = failures = errors = 0
    for verdict in verdicts:
        suite = ET.SubElement(
            root,
            "testsuite",
            name=f"kata.{verdict.kata}",
            tests=str(len(verdict.cases)),
            failures=str(sum(1 for c in verdict.cases if c.status not in (PASS, "error", TIMEOUT))),
            errors=str(sum(1 for c in verdict.cases if c.status in ("error", TIMEOUT))),
            time=f"{verdict.elapsed:.3f}",
        )
        ET.SubElement(
            ET.SubElement(suite, "properties"), "property", name="seed", value=str(verdict.seed)
        )
        for case in verdict.cases:
            node = ET.SubElement(
                suite, "testcase", classname=f"kata.{verdict.kata}", name=case.name
            )
            total += 1
            if case.ok:
                continue
            kind = "failure" if case.status == "fail" else "error"
            failures += kind == "failure"
            errors += kind == "error"
            detail = ET.SubElement(node, kind, message=case.message[:500], type=case.status)
            detail.text = f"{case.message}\ninputs: {case.inputs}\nreplay: mlprep kata {verdict.kata} --seed {verdict.seed}"
    if deck_problems is not None:
        suite = ET.SubElement(
            root,
            "testsuite",
            name="decks",
            tests="1",
            failures=str(int(bool(deck_problems))),
            errors="0",
        )
        node = ET.SubElement(suite, "testcase", classname="decks", name="lint")
        total += 1
        if deck_problems:
            failures += 1
            failure = ET.SubElement(
                node, "failure", message=f"{len(deck_problems)} deck problem(s)"
            )
            failure.text = "\n".join(deck_problems)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_junit(
    path: Path, verdicts: list[Verdict], deck_problems: list[str] | None = None
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(junit_xml(verdicts, deck_problems), encoding="utf-8")
