"""Build and refresh the HTML golden cases.

    python tests/golden/html/regenerate.py                  # refresh every *.expected.json
    python tests/golden/html/regenerate.py --add fundus-dev ID [--add scrapinghub ID]

`--add` copies a benchmark page (../shared/benchmarks: fundus-dev, scrapinghub,
trafilatura-eval-dev, htmldate-eval-dev, readability-dev), trims it (scripts other
than JSON-LD, styles, SVG, comments and data-* attributes go; the text and the
markup the extractor reads stay) and stores the benchmark's own annotation as
`truth` next to the extractor's current output. Refreshing rewrites only the
`expected` part: review the diff before committing it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

import lxml.html
from bs4 import UnicodeDammit
from lxml import etree

from article_ingest.extract import extract_html

HERE = Path(__file__).resolve().parent
BENCH = HERE.parents[2].parent / "shared" / "benchmarks"
FIELDS = ("headline", "display_headline", "authors", "published_at", "modified_at",
          "publisher", "language", "canonical_url", "paragraphs", "blocks")  # fmt: skip


def _trim(html: str) -> str:
    root = lxml.html.document_fromstring(html)
    for el in list(root.iter(etree.Comment)):
        el.drop_tree()
    for el in list(root.iter("script", "style", "svg", "noscript", "iframe", "link")):
        if el.tag == "script" and "ld+json" in (el.get("type") or ""):
            continue
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str):
            for name in [a for a in el.attrib if a.startswith(("data-", "on"))]:
                if name not in ("data-src",):
                    del el.attrib[name]
    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def _truth(dataset: str, case_id: str) -> tuple[str, str | None, dict[str, Any]]:
    folder = BENCH / dataset
    if dataset == "scrapinghub":
        gt = json.loads((folder / "ground-truth.json").read_text())[case_id]
        raw = gzip.decompress((folder / "html" / f"{case_id}.html.gz").read_bytes())
        return _decode(raw), gt.get("url"), {"body": gt["articleBody"]}
    for line in (folder / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["id"] == case_id:
            raw = gzip.decompress((folder / case["html"]).read_bytes())
            # Each set's own annotation: fundus (title, authors, published, body),
            # trafilatura-eval (with/without snippets), htmldate-eval (date),
            # readability (body).
            keys = ("title", "authors", "published", "body", "with", "without", "date")
            truth = {k: case[k] for k in keys if k in case}
            url = case["url"] if str(case["url"]).startswith("http") else None
            return _decode(raw), url, truth
    raise SystemExit(f"no case {case_id} in {dataset}")


def _decode(raw: bytes) -> str:
    return UnicodeDammit(raw, is_html=True).unicode_markup or raw.decode("utf-8", "replace")


def _expected(html: str, url: str | None) -> dict[str, Any]:
    article = extract_html(html, url=url).model_dump(mode="json")
    return {name: article[name] for name in FIELDS}


def add(dataset: str, case_id: str) -> None:
    html, url, truth = _truth(dataset, case_id)
    name = case_id[:16] if dataset == "scrapinghub" else case_id.replace("/", "_")
    trimmed = _trim(html)
    (HERE / f"{name}.html").write_text(trimmed, encoding="utf-8")
    case = {"source": f"{dataset}/{case_id}", "url": url, "truth": truth,
            "expected": _expected(trimmed, url)}  # fmt: skip
    (HERE / f"{name}.expected.json").write_text(
        json.dumps(case, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def refresh() -> None:
    for path in sorted(HERE.glob("*.expected.json")):
        case = json.loads(path.read_text(encoding="utf-8"))
        html = path.with_name(path.name.replace(".expected.json", ".html")).read_text("utf-8")
        case["expected"] = _expected(html, case.get("url"))
        path.write_text(json.dumps(case, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--add", nargs=2, action="append", metavar=("DATASET", "ID"))
    args = parser.parse_args(argv)
    for dataset, case_id in args.add or []:
        add(dataset, case_id)
    if not args.add:
        refresh()


if __name__ == "__main__":
    main(sys.argv[1:])
