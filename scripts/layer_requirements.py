"""Write layers/common/requirements.txt from pyproject.toml's `dependencies`.

pyproject.toml is the one list of runtime dependencies: `pip install .` and the
Lambda layer (`sam build` installs the layer from its requirements.txt) must agree.
boto3 is left out of the layer because the Lambda runtime provides it; the `local`
extra (moto, PyYAML) never ships. tests/unit/test_layer_requirements.py fails when
the file and pyproject.toml differ; `make layer-requirements` rewrites it.

Usage: python scripts/layer_requirements.py [--check]
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = REPO / "pyproject.toml"
REQUIREMENTS = REPO / "layers" / "common" / "requirements.txt"

# Provided by the Lambda Python runtime; shipping it would only grow the layer.
RUNTIME_PROVIDED = ("boto3",)

HEADER = (
    "# Runtime dependencies of the shared layer (installed by `sam build` into the layer).\n"
    "# GENERATED from pyproject.toml's `dependencies` by scripts/layer_requirements.py:\n"
    "# edit pyproject.toml, then run `make layer-requirements`. boto3 is left out: the\n"
    "# Lambda runtime provides it.\n"
)


def _name(requirement: str) -> str:
    """The distribution name of a requirement ("boto3>=1.34" -> "boto3")."""
    for i, char in enumerate(requirement):
        if not (char.isalnum() or char in "-_."):
            return requirement[:i].lower()
    return requirement.lower()


def layer_requirements(pyproject: Path = PYPROJECT) -> str:
    """The requirements.txt text the layer should have."""
    dependencies = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    kept = [d for d in dependencies if _name(d) not in RUNTIME_PROVIDED]
    return HEADER + "".join(f"{d}\n" for d in kept)


def main(argv: list[str]) -> int:
    wanted = layer_requirements()
    if "--check" in argv:
        if REQUIREMENTS.read_text(encoding="utf-8") != wanted:
            print(
                f"{REQUIREMENTS.relative_to(REPO)} differs from pyproject.toml: "
                "run `make layer-requirements`",
                file=sys.stderr,
            )
            return 1
        return 0
    REQUIREMENTS.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
