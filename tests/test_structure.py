"""The package's shape, checked from its source: one-way imports, no SQL outside the store, small modules.

Walks every module's imports with ``ast`` (no import side effects), so a
new cycle or a store module reaching into the web layer fails here, naming
the modules.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path


PACKAGE = Path(__file__).resolve().parent.parent / "newsgraph"
MAX_LINES = 400
SQL = re.compile(r"\b(SELECT\b[\s\S]*?\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                 r"CREATE\s+(TABLE|INDEX|VIRTUAL)|DROP\s+(TABLE|INDEX)|PRAGMA\s+\w+)\b")


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(module: str, level: int, current: str, is_package: bool) -> str:
    if not level:
        return module
    base = current.split(".") if is_package else current.split(".")[:-1]
    base = base[:len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def imports(name: str, top_level_only: bool) -> set[str]:
    """newsgraph modules ``name`` imports (``top_level_only``: those run when it is imported)."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = []
    if top_level_only:
        stack = list(tree.body)
        while stack:   # module level, including inside if/try blocks, not inside functions or classes
            node = stack.pop()
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                nodes.append(node)
            elif isinstance(node, (ast.If, ast.Try, ast.With)):
                stack += [n for field in ("body", "orelse", "finalbody", "handlers") for n in getattr(node, field, [])]
            elif isinstance(node, ast.ExceptHandler):
                stack += node.body
    else:
        nodes = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]
    found = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            base = _resolve(node.module or "", node.level, name, path.name == "__init__.py")
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        for target in targets:
            while target and target not in MODULES:   # a name inside a module: the module
                target = target.rpartition(".")[0]
            if target.startswith("newsgraph") and target != name:
                found.add(target)
    return found


def _area(name: str) -> str:
    return name.split(".")[1] if name.count(".") else name


def test_no_import_cycles_among_newsgraph_modules():
    graph = {name: imports(name, top_level_only=True) for name in MODULES}
    cycles, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                cycles.append(" -> ".join(trail[trail.index(nxt):] + [node, nxt]) if nxt in trail
                              else f"{node} -> {nxt}")
            elif nxt not in state:
                visit(nxt, trail + [node])
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    assert not cycles, f"import cycles: {cycles}"


def test_store_never_imports_the_web_layer():
    bad = [f"{m} imports {t}" for m in MODULES if _area(m) == "store"
           for t in imports(m, top_level_only=False) if _area(t) == "serve"]
    assert not bad, bad


def test_link_imports_neither_extract_nor_pipeline():
    bad = [f"{m} imports {t}" for m in MODULES if _area(m) == "link"
           for t in imports(m, top_level_only=False) if _area(t) in ("extract", "pipeline", "batch", "parallel")]
    assert not bad, f"link/ importing extract/ or the pipeline: {bad}"


def test_serve_and_cli_hold_no_sql_and_no_connection():
    bad = []
    for name, path in MODULES.items():
        if _area(name) not in ("serve", "cli"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                bad.append(f"{name} line {node.lineno}: SQL {SQL.search(node.value).group(0)[:40]!r}")
            elif isinstance(node, ast.Attribute) and node.attr in ("conn", "execute", "executemany"):
                bad.append(f"{name} line {node.lineno}: .{node.attr}")
    assert not bad, bad


def test_the_sql_check_recognises_sql():
    assert SQL.search("SELECT id FROM articles") and SQL.search('INSERT OR REPLACE INTO "x" (a) VALUES (?)')
    assert not SQL.search("Select the articles from this outlet") and not SQL.search("update the README")


def test_no_module_is_over_400_lines():
    bad = [f"{name} ({n} lines)" for name, path in MODULES.items()
           if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert not bad, f"modules over {MAX_LINES} lines: {bad}"
