"""A one-line progress count on stderr, only when stderr is a terminal."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    """`[n/N] name` rewritten in place; silent when stderr is redirected or piped."""

    def __init__(self, total: int | None, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total  # None: not known beforehand (`[n] name`)
        self.done = 0
        self.on = (total is None or total > 1) and self.stream.isatty()

    def step(self, name: str) -> None:
        self.done += 1
        if self.on:
            tail = name[-50:]
            count = self.done if self.total is None else f"{self.done}/{self.total}"
            self.stream.write(f"\r\033[K[{count}] {tail}")
            self.stream.flush()

    def close(self) -> None:
        if self.on:
            self.stream.write("\r\033[K")
            self.stream.flush()
