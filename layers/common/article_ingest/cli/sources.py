"""Where the CLI's inputs come from: files, directories, stdin (`-`) or a manifest."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BadInput
from ..inputs import content_type_for

if TYPE_CHECKING:
    from ..service import RawInput

STDIN = "-"


class UsageError(Exception):
    """A mistake in the command line itself (exit status 2), not in one input."""


@dataclass(frozen=True)
class Source:
    """One input: its name (a path, `-`, or `manifest:line`), its URL, and its bytes
    when they were read already (stdin); `problem` when the manifest line is broken."""

    name: str
    url: str | None = None
    data: bytes | None = None
    problem: str | None = None


def _manifest(path: str) -> list[Source]:
    base = Path(path).resolve().parent
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"cannot read the manifest {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"the manifest {path} is not UTF-8 text") from exc
    out: list[Source] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            name = entry["path"]
            url = entry.get("url")
        except (ValueError, KeyError, TypeError, AttributeError):
            out.append(
                Source(f"{path}:{n}", problem="manifest line is not a JSON object with a 'path'")
            )
            continue
        full = Path(name) if Path(name).is_absolute() else base / name
        out.append(Source(str(full), url if isinstance(url, str) else None))
    return out


def _expand(name: str) -> list[str]:
    """A directory means its files (sorted, hidden ones skipped); anything else itself."""
    path = Path(name)
    if name != STDIN and path.is_dir():
        return [
            str(p) for p in sorted(path.iterdir()) if p.is_file() and not p.name.startswith(".")
        ]
    return [name]


def sources(files: list[str], manifest: str | None, url: str | None) -> list[Source]:
    """Every input named on the command line, in order.

    Raises:
        UsageError: --url with several inputs, or a manifest that cannot be read.
    """
    if manifest:
        return _manifest(manifest)
    names = [n for name in files for n in _expand(name)]
    if url and len(names) != 1:
        raise UsageError("--url applies to a single input")
    out = []
    for name in names:
        data = sys.stdin.buffer.read() if name == STDIN else None
        out.append(Source(name, url, data))
    return out


def raw_input(source: Source) -> RawInput:
    """The service's RawInput for a source. Raises BadInput when it cannot be read."""
    from ..service import RawInput

    if source.problem:
        raise BadInput(source.problem)
    if source.data is not None:
        return RawInput(source.data, None, "cli", source.url)
    path = Path(source.name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read {source.name}: {exc.strerror}") from exc
    return RawInput(data, content_type_for(path), "cli", source.url)
