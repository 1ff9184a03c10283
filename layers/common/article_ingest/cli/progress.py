"""A one-line progress count on stderr, only when stderr is a terminal."""

from __future__ import annotations

import sys
from typing import TextIO


class Progress:
    """`[n/N] name` rewritten in place; silent when stderr is redirected or piped."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.on = total > 1 and self.stream.isatty()

    def step(self, name: str) -> None:
        self.done += 1
        if self.on:
            tail = name[-50:]
            self.stream.write(f"\r\033[K[{self.done}/{self.total}] {tail}")
            self.stream.flush()

    def close(self) -> None:
        if self.on:
            self.stream.write("\r\033[K")
            self.stream.flush()
