"""Body structure against the fundus-dev truth: headings and list items, ours and
trafilatura's Markdown side by side (part of `make bench-quality`).

The fundus truth is a flat list of paragraphs, but it carries the structure: a
truth paragraph is a section heading when the page sets that text as an h2-h6, and
a list item when the page sets it as an <li>. Both systems' headings and list items
are scored against those sets (text compared after NFKC, case folding and white
space): precision, recall, F1 summed over pages.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import lxml.html

_SPACE = re.compile(r"\s+")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.*)$")
_MD_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_MD_INLINE = re.compile(r"[*_`]+|\\(?=[^\w\s])")


def key(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def page_structure(html: bytes) -> tuple[set[str], set[str]]:
    """(heading texts, list item texts) the page sets, as keys."""
    root = lxml.html.document_fromstring(html)
    heads = {key(h.text_content()) for h in root.iter("h2", "h3", "h4", "h5", "h6")}
    items = {key(li.text_content()) for li in root.iter("li")}
    return heads - {""}, items - {""}


def truth_structure(case: dict, html: bytes) -> tuple[set[str], set[str]]:
    """The truth paragraphs the page sets as headings, and as list items."""
    heads, items = page_structure(html)
    paragraphs = {key(p) for p in case["paragraphs"]}
    return paragraphs & heads, paragraphs & items


def ours(pred: dict) -> tuple[set[str], set[str]]:
    blocks = pred.get("blocks") or []
    heads = {key(b["text"]) for b in blocks if b["type"] == "heading"}
    items = {key(i) for b in blocks if b["type"] == "list" for i in b.get("items") or []}
    return heads, items


def markdown_structure(markdown: str) -> tuple[set[str], set[str]]:
    heads, items = set(), set()
    for line in markdown.splitlines():
        if m := _MD_HEADING.match(line):
            heads.add(key(_MD_INLINE.sub("", m.group(1))))
        elif m := _MD_ITEM.match(line):
            items.add(key(_MD_INLINE.sub("", m.group(1))))
    return heads, items


def _prf(pairs: Iterable[tuple[set[str], set[str]]]) -> dict[str, float]:
    tp = fp = fn = 0
    for predicted, truth in pairs:
        tp += len(predicted & truth)
        fp += len(predicted - truth)
        fn += len(truth - predicted)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def trafilatura_markdown(cases: list[dict], root: Path, cache: Path) -> dict[str, str]:
    """trafilatura's Markdown of every page (cached: the peer does not change)."""
    if cache.exists():
        loaded: dict[str, str] = json.loads(cache.read_text(encoding="utf-8"))
        return loaded
    import trafilatura

    out = {}
    for case in cases:
        raw = gzip.decompress((root / case["html"]).read_bytes())
        md = trafilatura.extract(
            raw, output_format="markdown", include_formatting=True, favor_precision=True
        )
        out[case["id"]] = md or ""
    cache.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def measure(shared: Path, preds_path: Path, cache: Path) -> dict[str, dict[str, dict[str, float]]]:
    """{system: {"headings"|"list items": {precision, recall, f1}}} on fundus-dev."""
    root = shared / "benchmarks" / "fundus-dev"
    cases = [json.loads(line) for line in (root / "cases.jsonl").read_text("utf-8").splitlines()]
    preds = {}
    for line in preds_path.read_text(encoding="utf-8").splitlines():
        pred = json.loads(line)
        preds[pred["id"]] = pred
    peer = trafilatura_markdown(cases, root, cache)
    truth, mine, theirs = [], [], []
    for case in cases:
        html = gzip.decompress((root / case["html"]).read_bytes())
        truth.append(truth_structure(case, html))
        mine.append(ours(preds.get(case["id"], {})))
        theirs.append(markdown_structure(peer.get(case["id"], "")))
    out = {}
    for name, got in (("article-ingest", mine), ("trafilatura (Markdown)", theirs)):
        out[name] = {
            "headings": _prf((g[0], t[0]) for g, t in zip(got, truth, strict=True)),
            "list items": _prf((g[1], t[1]) for g, t in zip(got, truth, strict=True)),
        }
    return out


def markdown_table(figures: dict[str, dict[str, dict[str, float]]]) -> str:
    lines = [
        "| system | headings P | headings R | headings F1 | list items P | list items R "
        "| list items F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, parts in figures.items():
        h, li = parts["headings"], parts["list items"]
        lines.append(
            f"| {name} | {h['precision']:.3f} | {h['recall']:.3f} | {h['f1']:.3f} | "
            f"{li['precision']:.3f} | {li['recall']:.3f} | {li['f1']:.3f} |"
        )
    return "\n".join(lines) + "\n"
