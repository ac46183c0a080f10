"""The layout is the architecture: no import runs back up a layer, and no module imports itself in a circle.

ARCHITECTURE.md: the core is plain Python (no Qt) and knows nothing of the ways
out (channels), the use cases, the window or the command line; the channels
know the core only; the use cases orchestrate core and channels and know no
front end. Every ``import`` in every module is read from its syntax tree,
including the ones inside functions (a lazy import is still an arrow).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "handoff"

#: For each layer, the packages it may never import (directly or lazily).
FORBIDDEN: dict[str, tuple[str, ...]] = {
    "handoff.core": (
        "handoff.channels",
        "handoff.usecases",
        "handoff.gui",
        "handoff.cli",
        "handoff.orgjournal",
        "handoff.server",
        "PySide6",
    ),
    "handoff.channels": ("handoff.usecases", "handoff.gui", "handoff.cli", "PySide6"),
    # The organisation journal: the desktop's client beside the channels, the service on
    # its own (it runs on a server without Qt or the desktop's channels, docs/server.md).
    "handoff.orgjournal": (
        "handoff.usecases",
        "handoff.gui",
        "handoff.cli",
        "handoff.server",
        "PySide6",
    ),
    "handoff.server": (
        "handoff.channels",
        "handoff.usecases",
        "handoff.gui",
        "handoff.cli",
        "handoff.orgjournal",
        "PySide6",
    ),
    "handoff.usecases": ("handoff.gui", "handoff.cli", "PySide6"),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Every module ``path`` imports, resolved to a module of ours when it is one."""
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.add(child if child in known else base)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(path, name, known) for name, path in modules.items()}


def _layer(module: str) -> str | None:
    return next(
        (layer for layer in FORBIDDEN if module == layer or module.startswith(layer + ".")), None
    )


def test_the_scan_sees_the_layers_and_their_arrows() -> None:
    """Guard against a vacuous pass: the walk finds modules of each layer and a known arrow."""
    graph = _graph()
    for layer in FORBIDDEN:
        assert any(_layer(m) == layer for m in graph), layer
    assert "handoff.channels.sms" in graph["handoff.usecases.password"] | graph.get(
        "handoff.usecases.sending", set()
    )
    assert "handoff.core.archive.limits" in graph["handoff.core.archive.probe"]


def _violations(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for module, imported in graph.items():
        layer = _layer(module)
        if layer is None:
            continue
        for target in imported:
            for banned in FORBIDDEN[layer]:
                if target == banned or target.startswith(banned + "."):
                    bad.append(f"{module} imports {target}")
    return sorted(bad)


def test_no_module_imports_a_layer_above_it() -> None:
    assert _violations(_graph()) == []


def test_the_check_catches_an_upward_arrow() -> None:
    """The rule itself can fail: a core module importing a channel is reported."""
    graph = {"handoff.core.x": {"handoff.channels.sms"}, "handoff.gui.y": {"handoff.core.x"}}
    assert _violations(graph) == ["handoff.core.x imports handoff.channels.sms"]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), among our modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in graph:
                continue
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("layer", ["handoff.core", "handoff.channels", "handoff.usecases"])
def test_no_import_circles(layer: str) -> None:
    graph = {m: targets for m, targets in _graph().items() if _layer(m) == layer}
    # A package's __init__ re-exports its parts; the parts never import it back.
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    assert _cycles(graph) == [["a", "b"]]


#: Installed by the test extra only (pyproject.toml) and excluded from the bundle.
TEST_ONLY = ("openpyxl",)


def test_the_app_never_imports_a_test_only_library() -> None:
    """openpyxl reads xlsx back in tests and benchmarks; the bundle does not carry it."""
    graph = _graph()
    bad = [
        f"{m} imports {t}" for m, ts in graph.items() for t in ts if t.split(".")[0] in TEST_ONLY
    ]
    assert bad == []
    assert "xlsxwriter" in graph["handoff.core.journal.export"]  # the walk sees third parties
