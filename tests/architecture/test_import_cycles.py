"""The package has no import cycle, and the core never imports a sub-app.

Every ``import`` of a ``borg_learning`` module counts, at module level or inside a
function: a cycle closed with a function-level import is still a cycle.
"""

import ast
from pathlib import Path

import borg_learning

PACKAGE = Path(borg_learning.__file__).parent


def module_name(path):
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules():
    return {
        module_name(path): path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts
    }


def imports(path, known):
    """The ``borg_learning`` modules the file at ``path`` imports."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in known)
    return found


def graph():
    known = modules()
    return {name: imports(path, known) - {name} for name, path in known.items()}


def cycles(edges):
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_package_has_no_import_cycle():
    assert cycles(graph()) == []


def test_the_cycle_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def sub_apps():
    """The packages below borg_learning with an AppConfig of their own."""
    return {
        module_name(path.parent / "__init__.py")
        for path in PACKAGE.rglob("apps.py")
        if path.parent != PACKAGE
    }


def test_the_core_never_imports_a_sub_app():
    apps = sub_apps()
    core = {
        name: targets
        for name, targets in graph().items()
        if not any(name == app or name.startswith(app + ".") for app in apps)
    }
    offending = {
        name: sorted(
            target
            for target in targets
            if any(target == app or target.startswith(app + ".") for app in apps)
        )
        for name, targets in core.items()
    }
    assert {name: targets for name, targets in offending.items() if targets} == {}


def test_the_schema_interfaces_import_no_module_of_types():
    types = {name for name in modules() if name.startswith("borg_learning.api.graphql.")}
    helpers = {
        "borg_learning.api.graphql.loaders",
        "borg_learning.api.graphql.registry",
        "borg_learning.api.graphql.enums",
        "borg_learning.api.graphql.batches",
    }
    assert graph()["borg_learning.api.graphql.interfaces"] & types <= helpers
