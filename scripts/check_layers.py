"""Fail when an import runs against the layers of the intranet, or when files import each other in a circle.

The layers are listed in ``pyproject.toml`` under ``[tool.layers]``, lowest first; apps on one line
(``"news | projects"``) are siblings and do not import each other. An app may import only apps on
lower lines. Every import counts, inside functions too, and so does a model looked up by name
(``apps.get_model("news", ...)``), which is an import by another road. Tests and migrations are
left out: tests use every app, and migrations name the models they were made from.
Inside each app no two files may import each other, directly or around a longer circle
(``allowed_circles`` in pyproject may name exceptions, each with its reason).

Run by ``make lint``: ``python scripts/check_layers.py``; exit status 1 lists what is wrong.
"""

import ast
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIPPED_PARTS = {"migrations", "tests", "node_modules", ".venv", "scripts"}


def read_config():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["layers"]
    layer_of = {}
    for number, line in enumerate(config["order"]):
        for app in line.split("|"):
            layer_of[app.strip()] = number
    allowed = [sorted(group) for group in config.get("allowed_circles", [])]
    return layer_of, allowed


def project_apps():
    """Top-level folders that are Django apps (they have an ``apps.py``)."""
    return {path.parent.name for path in ROOT.glob("*/apps.py")}


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files(apps):
    for app in sorted(apps):
        for path in sorted((ROOT / app).rglob("*.py")):
            if not SKIPPED_PARTS & set(path.relative_to(ROOT).parts):
                yield path


def imported_names(path, module):
    """Every module name this file imports (absolute), with its line, and models it looks up by app label."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module
            yield target, node.lineno
            # ``from . import services`` imports the module ``<package>.services``.
            for alias in node.names:
                yield f"{target}.{alias.name}", node.lineno
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "get_model":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield first.value.split(".")[0] + ".models", node.lineno


def main():
    layer_of, allowed_circles = read_config()
    apps = project_apps()
    problems = [f"{app}/: an app missing from [tool.layers] in pyproject.toml" for app in sorted(apps - set(layer_of))]
    modules = {module_name(path): path for path in source_files(apps)}
    graph = {module: set() for module in modules}
    reported = set()
    for module, path in modules.items():
        app = module.split(".")[0]
        for target, line in imported_names(path, module):
            target_app = target.split(".")[0]
            if target_app not in apps:
                continue
            where = f"{path.relative_to(ROOT)}:{line}"
            if target_app != app:
                if target_app not in layer_of or app not in layer_of:
                    continue
                if layer_of[target_app] >= layer_of[app] and (where, target_app) not in reported:
                    reported.add((where, target_app))
                    problems.append(f"{where}: {app} imports {target} (layer {layer_of[target_app]} ≥ {layer_of[app]})")
            elif target in modules and target != module:
                graph[module].add(target)
    problems += [
        f"files importing each other in a circle: {', '.join(group)}"
        for group in circles(graph)
        if group not in allowed_circles
    ]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


def circles(graph):
    """One circle per strongly connected group of files (Tarjan's algorithm, iterative)."""
    index, low, on_stack, stack, found = {}, {}, set(), [], []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


if __name__ == "__main__":
    sys.exit(main())
