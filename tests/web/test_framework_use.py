"""The frameworks used as documented: no private attribute of Flask, werkzeug, flask-smorest, marshmallow or
gunicorn read or written anywhere in hds_api/, no override of Flask's internals — and async views work or fail
saying why, as Flask documents."""

from __future__ import annotations

import ast
import importlib.util
import logging
from pathlib import Path

from hds_api import create_app

from ..support import assert_error_shape

PACKAGE = Path(__file__).resolve().parents[2] / "hds_api"
FRAMEWORKS = ("flask", "werkzeug", "flask_smorest", "marshmallow", "webargs", "apispec", "gunicorn")


def private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def framework_names(tree: ast.Module) -> set[str]:
    """The names a module binds to what it imports from the frameworks."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FRAMEWORKS:
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(
                (alias.asname or alias.name).split(".")[0]
                for alias in node.names
                if alias.name.split(".")[0] in FRAMEWORKS
            )
    return names


def base_name(base: ast.expr) -> str:
    return base.id if isinstance(base, ast.Name) else base.value.id if isinstance(base, ast.Attribute) else ""


def own_attributes(cls: ast.ClassDef) -> set[str]:
    """What a class defines itself: its methods and class attributes, and what its methods assign on `self`."""
    names = {node.name for node in cls.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for node in ast.walk(cls):
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        for target in targets:
            if isinstance(target, ast.Name):
                names.add(target.id)
            elif isinstance(target, ast.Attribute) and getattr(target.value, "id", "") == "self":
                names.add(target.attr)
    return names


def annotation_roots(tree: ast.Module) -> list[ast.expr]:
    """Type annotations: never run (`from __future__ import annotations`), so `argparse._SubParsersAction` there
    reaches nothing."""
    roots: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.arg) and node.annotation is not None:
            roots.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns is not None:
            roots.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            roots.append(node.annotation)
    return roots


def private_uses(source: str) -> list[str]:
    """Each private attribute reached on something not our own: `obj._x`, `getattr(obj, "_x")`, and `self._x`
    in a class derived from a framework's unless the class defines `_x` itself."""
    tree = ast.parse(source)
    found = []
    annotations = {id(inner) for root in annotation_roots(tree) for inner in ast.walk(root)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and private(node.attr) and id(node) not in annotations:
            if not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")):
                found.append(f"{node.lineno}: .{node.attr}")
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("getattr", "setattr", "hasattr"):
            name = node.args[1] if len(node.args) > 1 else None
            if isinstance(name, ast.Constant) and isinstance(name.value, str) and private(name.value):
                found.append(f"{node.lineno}: {node.func.id}(…, {name.value!r})")
    imported = framework_names(tree)
    for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
        if not {base_name(base) for base in cls.bases} & imported:
            continue
        own = own_attributes(cls)
        for node in ast.walk(cls):
            if isinstance(node, ast.Attribute) and private(node.attr) and getattr(node.value, "id", "") == "self":
                if node.attr not in own:
                    found.append(f"{node.lineno}: self.{node.attr} (of a framework's class)")
    return found


def test_no_private_attribute_of_a_framework_anywhere():
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        uses = private_uses(path.read_text(encoding="utf-8"))
        if uses:
            found[str(path.relative_to(PACKAGE))] = uses
    assert found == {}


def test_the_scan_finds_the_workarounds_it_replaced():
    before = """
import marshmallow as ma
from flask.json.provider import JSONProvider
class Provider(JSONProvider):
    def response(self, *args, **kwargs):
        return self._app.response_class(self.dumps(self._prepare_response_obj(args, kwargs)))
def loader(schema, field, view, wrapper):
    hooks = getattr(schema, "_hooks", None)
    same = type(field)._deserialize is ma.fields.Raw._deserialize
    wrapper._apidoc = view._apidoc
"""
    assert len(private_uses(before)) == 7


def test_no_override_of_flask_itself():
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        flask_names = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module == "flask"
            for alias in node.names
            if alias.name == "Flask"
        }
        subclasses = [
            node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef) and {base_name(base) for base in node.bases} & flask_names
        ]
        assert subclasses == [], path


def test_an_async_view_answers_or_says_what_flask_needs_for_it(caplog):
    """Flask runs `async def` views with its `async` extra (asgiref); without it, the error logged says so —
    never a misleading "the view did not return a valid response" from a skipped coroutine check."""
    app = create_app({"TESTING": False, "ACCESS_LOG": "off"})

    @app.get("/async-probe")
    async def probe():
        return {"async": True}

    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/async-probe")
    if importlib.util.find_spec("asgiref") is not None:
        assert response.status_code == 200 and response.get_json() == {"async": True}
    else:
        assert_error_shape(response, 500)
        logged = "\n".join(record.getMessage() + str(record.exc_info) for record in caplog.records)
        assert "Install Flask with the 'async' extra" in logged
        assert "did not return a valid response" not in logged
