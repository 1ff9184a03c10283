"""The Makefile's SAM targets find python3.13 (PATH or pyenv) or say in one line what
to install, instead of failing deep inside `sam build`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .integration_support import REPO

MESSAGE = (
    "make sam-build: python3.13 not found; install it (e.g. pyenv install 3.13) or put it on PATH"
)


def _make() -> str:
    found = shutil.which("make")
    if not found:
        pytest.skip("make is not installed")
    return found


def _script(folder: Path, name: str, body: str) -> None:
    """An executable shell script using builtins only (the PATH holds nothing else)."""
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)


def _run_make(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """make in the repo, the SAM venv taken as installed (-o: never set up here)."""
    return subprocess.run(
        [_make(), "--no-print-directory", "-o", ".venv-sam/.installed", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def _sam_build(path: Path, fake_sam: Path) -> subprocess.CompletedProcess[str]:
    """`make sam-build` with `path` as the whole PATH, no pyenv settings and
    `fake_sam` in place of sam."""
    return _run_make("sam-build", f"SAM={fake_sam}", env={"PATH": str(path), "HOME": str(path)})


def test_sam_build_without_python313_says_what_to_install(tmp_path: Path) -> None:
    # Given a PATH with neither python3.13 nor pyenv
    _script(tmp_path, "sam", "echo sam ran")
    # When make sam-build runs
    run = _sam_build(tmp_path, tmp_path / "sam")
    # Then it stops before sam, its first line saying what to install
    assert run.returncode != 0
    assert "sam ran" not in run.stdout
    assert run.stderr.splitlines()[0] == MESSAGE


def test_sam_build_points_pyenv_at_its_python313(tmp_path: Path) -> None:
    # Given pyenv with 3.11.7 selected and 3.13.0 installed, whose python3.13 shim
    # runs only when PYENV_VERSION names 3.13 (as pyenv's shims do)
    _script(
        tmp_path,
        "pyenv",
        'case "$1" in\n'
        "  versions) echo 3.11.7; echo 3.13.0; echo 3.13.0/envs/tools ;;\n"
        "  version-name) echo 3.11.7 ;;\n"
        "  *) exit 1 ;;\n"
        "esac",
    )
    _script(
        tmp_path, "python3.13", 'case ":${PYENV_VERSION:-}:" in *:3.13.0:*) ;; *) exit 127 ;; esac'
    )
    _script(tmp_path, "sam", 'echo "sam $* PYENV_VERSION=$PYENV_VERSION"')
    # When make sam-build runs
    run = _sam_build(tmp_path, tmp_path / "sam")
    # Then sam builds with the selected version first and 3.13 after it
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "sam build PYENV_VERSION=3.11.7:3.13.0"


def test_sam_build_uses_python313_on_path_as_it_is(tmp_path: Path) -> None:
    _script(tmp_path, "python3.13", "exit 0")
    _script(tmp_path, "sam", 'echo "sam $* PYENV_VERSION=${PYENV_VERSION:-unset}"')
    run = _sam_build(tmp_path, tmp_path / "sam")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "sam build PYENV_VERSION=unset"


@pytest.mark.parametrize(
    ("target", "commands"),
    [
        ("deploy", ["build --config-env prod", "deploy --config-env prod"]),
        ("delete", ["delete --config-env prod"]),
    ],
)
def test_deploy_and_delete_use_the_samconfig_environment(target: str, commands: list[str]) -> None:
    # When make shows what `make <target> CONFIG_ENV=prod` would run (-n runs nothing)
    run = _run_make("-n", target, "CONFIG_ENV=prod")
    # Then it calls the sam of .venv-sam with samconfig.toml's [prod] settings
    assert run.returncode == 0, run.stderr
    for command in commands:
        assert f".venv-sam/bin/sam {command}" in run.stdout


def test_docs_call_sam_as_the_makefile_does() -> None:
    docs = (REPO / "docs" / "sam.md").read_text(encoding="utf-8")
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert MESSAGE in docs
    assert "pip install aws-sam-cli" not in docs and ".venv-sam/bin" in docs
    for target in ("sam-build", "deploy", "delete"):
        assert f"make {target}" in docs and f"\n{target}: " in makefile
