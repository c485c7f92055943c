"""The import graph of the package as written in its source: every import, lazy ones included.

Read with :mod:`ast`, never by importing, so a function-level import (``_cmd_gui``), a
``TYPE_CHECKING`` import or an ``importlib.import_module("…")`` counts like any other.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT_PACKAGE = "contrechamp"


@dataclass(frozen=True, slots=True)
class ImportEdge:
    """One import statement: who imports what, where, and in which top-level function."""

    module: str
    target: str
    path: Path
    line: int
    function: str | None

    def __str__(self) -> str:
        where = f" (in {self.function})" if self.function else ""
        return f"{self.path}:{self.line}: {self.module} imports {self.target}{where}"


def module_name(package_dir: Path, path: Path) -> str:
    """The dotted name of a source file of the package rooted at ``package_dir``."""
    parts = path.relative_to(package_dir.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(name: str) -> str:
    """The layer a dotted name belongs to: ``core`` for ``contrechamp.core.fov``, ``cli``,
    ``contrechamp`` for the root package, or the first part for a third-party module."""
    parts = name.split(".")
    if parts[0] != ROOT_PACKAGE:
        return parts[0]
    return parts[1] if len(parts) > 1 else ROOT_PACKAGE


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, node.module] if node.module else base)


def _targets(module: str, is_package: bool, node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        source = _resolve(module, is_package, node)
        if source == ROOT_PACKAGE:  # ``from contrechamp import ui`` reaches the layer by name
            return [f"{source}.{alias.name}" for alias in node.names]
        return [source]
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute | ast.Name)
        and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
        in ("import_module", "__import__")
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return [node.args[0].value]
    return []


def _walk(tree: ast.Module) -> Iterator[tuple[ast.AST, str | None]]:
    """Every node with the name of the top-level function or class around it."""
    for top in tree.body:
        owner = top.name if isinstance(top, ast.FunctionDef | ast.ClassDef) else None
        for node in ast.walk(top):
            yield node, owner


def imports_of(package_dir: Path) -> list[ImportEdge]:
    """Every import in every source file under ``package_dir`` (a package folder)."""
    edges: list[ImportEdge] = []
    for path in sorted(package_dir.rglob("*.py")):
        module = module_name(package_dir, path)
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node, owner in _walk(tree):
            line = getattr(node, "lineno", 0)
            edges += [
                ImportEdge(module, target, path, line, owner)
                for target in _targets(module, is_package, node)
            ]
    return edges


def _matches(target: str, prefix: str) -> bool:
    return target == prefix or target.startswith(prefix + ".")


def forbidden_imports(edges: Sequence[ImportEdge], rules: Mapping[str, Sequence[str]]) -> list[str]:
    """The imports that break ``rules`` (layer → module prefixes it must not import)."""
    return [
        f"{edge}: {layer_of(edge.module)} must not import {prefix}"
        for edge in edges
        for prefix in rules.get(layer_of(edge.module), ())
        if _matches(edge.target, prefix)
    ]


def ui_imports_outside_ui(
    edges: Sequence[ImportEdge], allowed: Sequence[tuple[str, str]]
) -> list[str]:
    """Imports of the ``ui`` layer from outside it, except the (module, function) pairs allowed."""
    ui = f"{ROOT_PACKAGE}.ui"
    return [
        f"{edge}: only the gui command may import the ui"
        for edge in edges
        if _matches(edge.target, ui)
        and layer_of(edge.module) != "ui"
        and (edge.module, edge.function) not in allowed
    ]


def layer_graph(edges: Sequence[ImportEdge]) -> dict[str, set[str]]:
    """Which layers of the package import which others (third-party modules left out)."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        source, target = layer_of(edge.module), layer_of(edge.target)
        graph.setdefault(source, set())
        if edge.target.split(".")[0] == ROOT_PACKAGE and target != source:
            graph[source].add(target)
    return graph


def layer_cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """One cycle per layer that can reach itself, as the path ``[a, b, …, a]``."""
    cycles: list[list[str]] = []
    for start in sorted(graph):
        paths = [[start, nxt] for nxt in sorted(graph[start])]
        seen: set[str] = set()
        while paths:
            path = paths.pop(0)
            if path[-1] == start:
                cycles.append(path)
                break
            if path[-1] in seen:
                continue
            seen.add(path[-1])
            paths += [[*path, nxt] for nxt in sorted(graph.get(path[-1], ()))]
    return cycles
