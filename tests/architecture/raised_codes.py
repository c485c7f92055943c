"""Every error code the package can raise, read from its source with :mod:`ast` (never run).

A code is raised as ``InputError(detail, "file.missing")`` (or ``code="…"``); through a helper
that raises the code one of its parameters gives (``_fail(path, "csv.row", …)``,
``load_json(path, "geojson")`` for ``geojson.json``, ``XmlBudget(path, "gpx.hostile")``); from a
module's table (``_BY_CODE`` in ``store/errors.py``); as an error class's default
(``code = "input.invalid"``); or passed on from a caught error (``error.code``). A code given
any other way is reported as *unfollowed*, so that a new way of raising codes is noticed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

BASE_ERROR = "ContrechampError"


@dataclass(frozen=True, slots=True)
class Site:
    """A place in the source: module, line, and what is written there."""

    module: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.module}:{self.line}: {self.text}"


@dataclass(frozen=True, slots=True)
class _Relay:
    """A function (or class) raising the code given as its parameter ``keyword``."""

    module: str
    name: str
    position: int  # of the argument in a call (``self`` left out)
    keyword: str
    template: str  # "{}", or "{}.json" for an f-string around it

    def _replace_template(self, template: str) -> _Relay:
        return _Relay(self.module, self.name, self.position, self.keyword, template)


@dataclass
class RaisedCodes:
    """The codes found, each with where it is raised, and the raises not followed."""

    codes: dict[str, list[Site]] = field(default_factory=dict)
    unfollowed: list[Site] = field(default_factory=list)

    def add(self, code: str, site: Site) -> None:
        self.codes.setdefault(code, []).append(site)


def package_sources(package_dir: Path) -> dict[str, str]:
    """Dotted module name -> source text, for every module of the package."""
    root = package_dir.parent
    return {
        ".".join(path.relative_to(root).with_suffix("").parts): path.read_text(encoding="utf-8")
        for path in sorted(package_dir.rglob("*.py"))
    }


def raised_codes(sources: Mapping[str, str]) -> RaisedCodes:
    """Every code raised in these modules (dotted name -> source)."""
    trees = {name: ast.parse(text) for name, text in sources.items()}
    classes = _error_classes(trees)
    found = RaisedCodes()
    relays: list[_Relay] = []
    for module, tree in trees.items():
        for call, scope in _calls(tree, module):
            expr = _code_argument(call, 1, "code") if _called_name(call) in classes else None
            if expr is not None:
                _resolve(expr, scope, Site(module, call.lineno, ast.unparse(call)), found, relays)
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            if cls.name in classes:
                for code, line in _class_defaults(cls):
                    found.add(code, Site(module, line, f"class {cls.name}: code = {code!r}"))
    _follow_relays(trees, relays, found)
    return found


def _error_classes(trees: Mapping[str, ast.Module]) -> set[str]:
    """The base error and every class deriving from it, by name."""
    names = {BASE_ERROR}
    while True:
        more = {
            node.name
            for tree in trees.values()
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)
            and any(_base_name(base) in names for base in node.bases)
        }
        if more <= names:
            return names
        names |= more


def _base_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else None


def _called_name(call: ast.Call) -> str | None:
    return _base_name(call.func)


def _class_defaults(cls: ast.ClassDef) -> Iterator[tuple[str, int]]:
    for stmt in cls.body:
        target = stmt.targets[0] if isinstance(stmt, ast.Assign) else None
        if isinstance(stmt, ast.AnnAssign):
            target = stmt.target
        code = _text_of(getattr(stmt, "value", None))
        if isinstance(target, ast.Name) and target.id == "code" and code is not None:
            yield code, stmt.lineno


@dataclass(frozen=True, slots=True)
class _Scope:
    """Where a call stands: its module's tree, the function and the class around it."""

    module: str
    tree: ast.Module
    function: ast.FunctionDef | ast.AsyncFunctionDef | None
    cls: ast.ClassDef | None


def _calls(tree: ast.Module, module: str) -> Iterator[tuple[ast.Call, _Scope]]:
    """Every call of the module, with the innermost function and class around it."""

    def visit(node: ast.AST, scope: _Scope) -> Iterator[tuple[ast.Call, _Scope]]:
        for child in ast.iter_child_nodes(node):
            inner = scope
            if isinstance(child, ast.ClassDef):
                inner = _Scope(scope.module, tree, None, child)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = _Scope(scope.module, tree, child, scope.cls)
            elif isinstance(child, ast.Call):
                yield child, scope
            yield from visit(child, inner)

    yield from visit(tree, _Scope(module, tree, None, None))


def _code_argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    for given in call.keywords:
        if given.arg == keyword:
            return given.value
    return call.args[position] if len(call.args) > position else None


def _text_of(node: ast.AST | None) -> str | None:
    """The text of a string literal; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _resolve(
    expr: ast.expr,
    scope: _Scope,
    site: Site,
    found: RaisedCodes,
    relays: list[_Relay],
    template: str = "{}",
) -> None:
    """Record the code(s) ``expr`` stands for (put in ``template``, the form a relay gives
    it), or the relay ``expr`` makes of the function around it."""
    literal = _text_of(expr)
    if literal is not None:
        found.add(template.format(literal), site)
        return
    if isinstance(expr, ast.Attribute) and expr.attr == "code":
        return  # a caught error's code, passed on: raised (and checked) where it was made
    relay = _relay_of(expr, scope, site.module)
    if relay is not None:
        relays.append(relay._replace_template(template.format(relay.template)))
        return
    codes = _table_codes(expr, scope)
    if not codes:
        found.unfollowed.append(site)
    for code in codes:
        found.add(template.format(code), site)


def _parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    names = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    return names[1:] if names and names[0] in ("self", "cls") else names


def _relay_of(expr: ast.expr, scope: _Scope, module: str) -> _Relay | None:
    """The relay when ``expr`` is a parameter of the function (or the class) around it."""
    function, template = scope.function, "{}"
    if isinstance(expr, ast.JoinedStr):
        held = [v for v in expr.values if isinstance(v, ast.FormattedValue)]
        texts = ["{}" if v in held else _text_of(v) for v in expr.values]
        if len(held) != 1 or None in texts:
            return None
        template, expr = "".join(t for t in texts if t is not None), held[0].value
    if isinstance(expr, ast.Attribute) and _base_name(expr.value) == "self" and scope.cls:
        function, name = _init_of(scope.cls), _init_parameter_for(scope.cls, expr.attr)
        owner = scope.cls.name
    elif isinstance(expr, ast.Name) and function is not None:
        name, owner = expr.id, function.name
    else:
        return None
    if function is None or name is None or name not in _parameters(function):
        return None
    return _Relay(module, owner, _parameters(function).index(name), name, template)


def _init_of(cls: ast.ClassDef) -> ast.FunctionDef | None:
    for stmt in cls.body:
        if isinstance(stmt, ast.FunctionDef) and stmt.name == "__init__":
            return stmt
    return None


def _init_parameter_for(cls: ast.ClassDef, attribute: str) -> str | None:
    """The ``__init__`` parameter stored as ``self.<attribute>`` (``self.a, self.b = a, b``)."""
    init = _init_of(cls)
    for stmt in ast.walk(init) if init else ():
        if not isinstance(stmt, ast.Assign):
            continue
        for target in stmt.targets:
            pairs = [(target, stmt.value)]
            if isinstance(target, ast.Tuple) and isinstance(stmt.value, ast.Tuple):
                pairs = list(zip(target.elts, stmt.value.elts, strict=False))
            for left, right in pairs:
                if (
                    isinstance(left, ast.Attribute)
                    and left.attr == attribute
                    and isinstance(right, ast.Name)
                ):
                    return right.id
    return None


def _table_codes(expr: ast.expr, scope: _Scope) -> list[str]:
    """The codes of a module-level table a local name was unpacked from
    (``code, detail = _BY_CODE[key]``: the first text of each entry)."""
    if not isinstance(expr, ast.Name) or scope.function is None:
        return []
    for stmt in ast.walk(scope.function):
        if not isinstance(stmt, ast.Assign) or not isinstance(stmt.value, ast.Subscript):
            continue
        target, table = stmt.targets[0], _module_dict(scope.tree, stmt.value.value)
        if table is None:
            continue
        if isinstance(target, ast.Name) and target.id == expr.id:
            return _texts(table.values)
        if isinstance(target, ast.Tuple):
            names = [e.id if isinstance(e, ast.Name) else None for e in target.elts]
            if expr.id in names:
                at = names.index(expr.id)
                return _texts(v.elts[at] for v in table.values if isinstance(v, ast.Tuple))
    return []


def _texts(nodes: Iterable[ast.expr | None]) -> list[str]:
    return [text for text in map(_text_of, nodes) if text is not None]


def _module_dict(tree: ast.Module, node: ast.expr) -> ast.Dict | None:
    if not isinstance(node, ast.Name):
        return None
    for stmt in tree.body:
        target: ast.expr | None = stmt.target if isinstance(stmt, ast.AnnAssign) else None
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
            target = stmt.targets[0]
        value = getattr(stmt, "value", None)
        if isinstance(target, ast.Name) and target.id == node.id and isinstance(value, ast.Dict):
            return value
    return None


def _follow_relays(
    trees: Mapping[str, ast.Module], relays: list[_Relay], found: RaisedCodes
) -> None:
    """Collect the codes given to each relay where it is called (in its module or one that
    imports it), following relays that hand on a parameter of their own."""
    done: set[_Relay] = set()
    while relays:
        relay = relays.pop()
        if relay in done:
            continue
        done.add(relay)
        for module, tree in trees.items():
            if not _sees(tree, module, relay):
                continue
            for call, scope in _calls(tree, module):
                if _called_name(call) != relay.name:
                    continue
                expr = _code_argument(call, relay.position, relay.keyword)
                if expr is None:
                    continue
                site = Site(module, call.lineno, ast.unparse(call))
                _resolve(expr, scope, site, found, relays, relay.template)


def _sees(tree: ast.Module, module: str, relay: _Relay) -> bool:
    """Whether ``module`` can call the relay: it is its own, or it imports it by name."""
    if module == relay.module:
        return True
    return any(
        isinstance(node, ast.ImportFrom)
        and node.module == relay.module
        and any(alias.name == relay.name for alias in node.names)
        for node in ast.walk(tree)
    )
