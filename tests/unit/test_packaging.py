"""One list of runtime dependencies: pyproject.toml. The Lambda layer's
requirements.txt is generated from it, and the local stack's packages (moto, PyYAML)
are an extra that the Lambda code never needs."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "layer_requirements.py"


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("layer_requirements", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_layer_requirements_are_generated_from_pyproject() -> None:
    # Given the layer's requirements.txt as committed
    committed = (REPO / "layers" / "common" / "requirements.txt").read_text(encoding="utf-8")
    # When generated again from pyproject.toml
    wanted = _generator().layer_requirements()  # type: ignore[attr-defined]
    # Then they are the same (`make layer-requirements` rewrites the file)
    assert committed == wanted


def test_the_generator_follows_a_changed_dependency_list(tmp_path: Path) -> None:
    # Given a pyproject with one more runtime dependency and boto3
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "x"\ndependencies = ["boto3>=1.34", "lxml>=5.2", "regex>=2024"]\n'
    )
    # When the layer's requirements are generated from it
    text = _generator().layer_requirements(pyproject)  # type: ignore[attr-defined]
    # Then they list the new one, and leave boto3 to the Lambda runtime
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    assert lines == ["lxml>=5.2", "regex>=2024"]


def test_moto_and_yaml_are_the_local_extra_not_runtime_dependencies() -> None:
    # Given pyproject.toml
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = " ".join(project["dependencies"]).lower()
    local = " ".join(project["optional-dependencies"]["local"]).lower()
    # Then moto and PyYAML are what the `local` extra adds, and nothing the runtime needs
    assert "moto" not in runtime and "pyyaml" not in runtime
    assert "moto" in local and "pyyaml" in local


def test_the_lambda_modules_never_import_moto_or_yaml() -> None:
    # Given a fresh interpreter importing both handlers' modules
    code = (
        "import sys, article_ingest.uploads, article_ingest.api.app;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'moto', 'yaml', 'boto3'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # Then neither local-stack package is loaded: the layer runs without the extra;
    # nor boto3 (~130 ms), which the first storage call imports: cold starts stay short
    assert out.stdout.strip() == "[]"
