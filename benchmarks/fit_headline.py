"""Fit the pasted-text headline ranker (extract/text/headline_rank.py) on the dev pastes.

The ranker scores each line of a paste's header window with a linear model; the
line with the highest score is the headline. This script builds, for every dev
paste with a title annotation (fundus-dev, trafilatura-eval-dev), the candidates
and their features, labels the candidate whose headline text equals the title,
and fits the weights as a conditional logit (softmax over a page's candidates,
L2-regularised, Newton steps). It reports the headline accuracy of the rules
alone and of the model fitted on one half of the sites and scored on the other
(both ways), then fits on all pages and writes headline_weights.py.

    python3 benchmarks/fit_headline.py [--shared ../shared] [--l2 1.0] [--write]

Needs numpy (a dev dependency only: the Lambda layer reads the weights as plain
Python numbers).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "layers" / "common"))
sys.path.insert(0, str(HERE))

from quality import half_of, load_cases, site_of  # noqa: E402

from article_ingest.extract.text import (  # noqa: E402
    header,
    headline_reach,
    layout,
)
from article_ingest.extract.text import headline_rank as hr  # noqa: E402
from article_ingest.extract.text.lines import split_lines  # noqa: E402
from article_ingest.extract.text.title import clean, headline_text  # noqa: E402

SETS = ("fundus-dev", "trafilatura-eval-dev")
FREE: list[str] = list(hr.FITTED)
WEIGHTS_FILE = HERE.parent / "layers/common/article_ingest/extract/text/headline_weights.py"

Page = tuple[str, np.ndarray, np.ndarray, int, str]  # half, features, labels, rule's pick, set


def load_norm(shared: Path):  # the scorer's own normalisation
    sys.path.insert(0, str(shared / "bench"))
    from score import norm_text

    return norm_text


def build(shared: Path) -> list[Page]:
    norm = load_norm(shared)
    pages: list[Page] = []
    for name in SETS:
        root = shared / "benchmarks" / name
        for case in load_cases(root):
            rel, title = case.get("text"), case.get("title")
            if not rel or title is None or not (root / rel).exists():
                continue
            text = (root / rel).read_text(encoding="utf-8")
            lines = split_lines(text)
            if not lines:
                continue
            run, _, lo, hi = layout(lines)
            reach = headline_reach(run.lead, hi)
            slug = header.slug_words(case.get("url"))
            rules = dict(header.rule_scores(lines, run.lead, lo, reach, text, slug))
            shaped, marks = hr.window_facts(lines, lo, reach)
            found = hr.candidates(lines, lo, reach, run.lead, shaped)
            if not found:
                continue
            x = np.array(
                [hr.features(lines, i, (run.lead, lo), shaped, marks, text, slug) for i in found]
            )
            truth = norm(title)
            y = np.array([norm(clean(headline_text(lines, i, lo).text)) == truth for i in found])
            pick = max(rules, key=rules.__getitem__) if rules else -1
            rule_pick = found.index(pick) if pick in found else -1
            pages.append((half_of(site_of(case)), x, y.astype(float), rule_pick, name))
    return pages


Usable = list[tuple[np.ndarray, np.ndarray, float]]  # features, labels, page weight


def prior() -> np.ndarray:
    """The weights the fit is pulled towards: the rules' hand weights (`hr.PRIOR`,
    all else 0), so the model departs from them only where the pages ask for it."""
    return np.array([hr.PRIOR.get(name, 0.0) for name in hr.FEATURES])


def free() -> np.ndarray:
    """1 for the weights the fit moves (`--free`, by default `hr.FITTED`).

    The rules' own terms stay as the rules set them: refitting them on all pages
    gained trafilatura-eval titles on the other half of the sites but cost
    fundus-dev news headlines 2-10 points (its pages lean on the byline and
    dateline marks that trafilatura-eval's blogs and shops do not have)."""
    return np.array([name in FREE for name in hr.FEATURES], float)


def _loss(usable: Usable, w: np.ndarray, l2: float) -> float:
    d = (w - prior()) * free()
    total = 0.5 * l2 * float(d @ d)
    for x, y, weight in usable:
        z = x @ w
        top = z.max()
        total += weight * (top + float(np.log(np.exp(z - top).sum())) - float((y / y.sum()) @ z))
    return total


def fit(pages: list[Page], l2: float, steps: int = 60) -> np.ndarray:
    """Conditional-logit weights: maximise the log-probability of each page's
    right candidate (pages without one are left out), minus l2/2 * |w - prior|^2.
    Damped Newton: a step is halved until the loss falls."""
    per_set = {name: sum(1 for p in pages if p[4] == name) for name in SETS}
    mean = len(pages) / len(SETS)
    # Each set weighs alike: trafilatura-eval's 400 pages would otherwise teach its
    # own page types (blogs, shops) at the cost of news headlines.
    usable = [(x, y, mean / per_set[name]) for _, x, y, _, name in pages if y.any()]
    w = prior()
    loss = _loss(usable, w, l2)
    for _ in range(steps):
        grad = l2 * (w - prior())
        hess = l2 * np.eye(len(w))
        for x, y, weight in usable:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            centre = p @ x
            grad += weight * (centre - (y / y.sum()) @ x)
            centred = x - centre
            hess += weight * (centred * p[:, None]).T @ centred
        keep = free().astype(bool)
        step = np.zeros(len(w))
        step[keep] = np.linalg.solve(hess[np.ix_(keep, keep)], grad[keep])
        size = 1.0
        while size > 1e-4:
            new = _loss(usable, w - size * step, l2)
            if new < loss:
                break
            size /= 2
        else:
            break
        w, done = w - size * step, loss - new < 1e-9
        loss = new
        if done:
            break
    return w


def accuracy(pages: list[Page], w: np.ndarray | None) -> float:
    """Share of pages whose picked candidate is the headline (w None: the rules)."""
    hits = 0
    for _, x, y, rule_pick, _ in pages:
        pick = rule_pick if w is None else int(np.argmax(x @ w))
        hits += pick >= 0 and bool(y[pick])
    return hits / len(pages)


def write(w: np.ndarray) -> None:
    rows = "".join(
        f"    {value:.4f},  # {name}\n" for name, value in zip(hr.FEATURES, w, strict=True)
    )
    body = (
        '"""Weights of `headline_rank` (generated by benchmarks/fit_headline.py; do not edit)."""\n'
        "\n"
        f"WEIGHTS: tuple[float, ...] = (\n{rows})\n"
    )
    WEIGHTS_FILE.write_text(body, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--write", action="store_true", help="write headline_weights.py")
    ap.add_argument("--free", default=",".join(hr.FITTED), help="features whose weight is fitted")
    args = ap.parse_args()
    FREE[:] = args.free.split(",")
    pages = build(args.shared)
    halves = {h: [p for p in pages if p[0] == h] for h in "AB"}
    report = {"pages": len(pages), "with_headline_candidate": int(sum(p[2].any() for p in pages))}
    for train, test in (("A", "B"), ("B", "A")):
        w = fit(halves[train], args.l2)
        for name in SETS:
            scored = [p for p in halves[test] if p[4] == name]
            report[f"{name} {test}: rules"] = round(accuracy(scored, None), 3)
            report[f"{name} {test}: prior"] = round(accuracy(scored, prior()), 3)
            report[f"{name} {test}: fit on {train}"] = round(accuracy(scored, w), 3)
    w = fit(pages, args.l2)
    report["rules on all"] = round(accuracy(pages, None), 3)
    report["fit on all, scored on all"] = round(accuracy(pages, w), 3)
    report["weights"] = dict(zip(hr.FEATURES, (round(float(v), 3) for v in w), strict=True))
    print(json.dumps(report, indent=1, ensure_ascii=False))
    if args.write:
        write(w)


if __name__ == "__main__":
    main()
