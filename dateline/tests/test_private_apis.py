"""Production code uses no private attribute of Django, Wagtail or treebeard, but for the
exceptions listed here, each with the version it was checked against: an upgrade trips this
test, and whoever upgrades reads the code again.

Private means a name starting with one underscore reached through one of their classes or
modules: ``Page._get_path``, ``super()._get_page()``, or ``self._client`` in a subclass that
does not define it. ``_meta`` is Django's documented model API.
"""

import ast
import importlib
import inspect
import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
THEIRS = ("django", "wagtail", "treebeard")

# (module, attribute, distribution, version checked): why.
ALLOWED = {
    # A redis.Redis per connection pool instead of one per cache call (about 0.1 ms each,
    # several per page): Django's Redis cache has no public hook for its client.
    ("caching/redis_cache.py", "_class", "django", "5.2"),
    ("caching/redis_cache.py", "_get_connection_pool", "django", "5.2"),
    ("caching/redis_cache.py", "_client", "django", "5.2"),
    # The newsroom's Articles listing pages a capped count (news/wagtail_hooks.py).
    ("news/wagtail_hooks.py", "_get_page", "wagtail", "8.0"),
    # Page permissions narrowed per section (newsroom/permissions.py).
    ("newsroom/permissions.py", "_base_queryset_for_user", "wagtail", "8.0"),
    # The demo's bulk loader writes a million tree paths without treebeard's per-row moves.
    ("demo/bulk.py", "_get_path", "django-treebeard", "5.3"),
    ("demo/bulk.py", "_str2int", "django-treebeard", "5.3"),
    # The content API's body fields are declared beside the API, not on the page model.
    ("syndication/api/views.py", "_convert_api_fields", "wagtail", "8.0"),
}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if "tests" in parts or "migrations" in parts or path.name == "conftest.py":
            continue
        yield path


def _theirs(node, imported):
    """Is this expression one of their modules or classes (as imported here)?"""
    if isinstance(node, ast.Name):
        return node.id in imported
    if isinstance(node, ast.Attribute):
        return _theirs(node.value, imported)
    return False


def _defined_by(klass, attribute):
    """Does their class define it, as a class attribute or on its instances?"""
    if attribute in vars(klass):
        return True
    try:
        return f"self.{attribute} " in inspect.getsource(klass)
    except (OSError, TypeError):
        return False


def private_uses(path):
    tree = ast.parse(path.read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(THEIRS):
            imported.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            imported.update(
                (alias.asname or alias.name).split(".")[0]
                for alias in node.names
                if alias.name.startswith(THEIRS)
            )
    found = set()

    def private(name):
        return name.startswith("_") and not name.startswith("__") and name != "_meta"

    classes = [n for n in tree.body if isinstance(n, ast.ClassDef)]
    if classes:
        module = importlib.import_module(
            "dateline." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        )
    for klass in classes:
        theirs = [
            base
            for base in getattr(module, klass.name).__mro__[1:]
            if base.__module__.startswith(THEIRS)
        ]
        for node in ast.walk(klass):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in ("self", "cls")
                and private(node.attr)
                and any(_defined_by(base, node.attr) for base in theirs)
            ):
                found.add(node.attr)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or not private(node.attr):
            continue
        value = node.value
        is_super = (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id == "super"
        )
        if is_super or _theirs(value, imported):
            found.add(node.attr)
    return found


def scan():
    return sorted(
        [str(path.relative_to(PACKAGE)), attribute]
        for path in _modules()
        for attribute in private_uses(path)
    )


def test_private_apis_of_django_wagtail_and_treebeard_are_the_listed_ones():
    # In a process of its own: CPython 3.11.7 keeps the ast module's recursion depth in state
    # shared with other threads (gh-106905), and the suite's test servers run threads.
    probe = (
        "import json, django; django.setup()\n"
        "from dateline.tests.test_private_apis import scan\n"
        "print(json.dumps(scan()))\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "dateline.settings.test"}
    out = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    ).stdout
    found = {tuple(pair) for pair in json.loads(out.splitlines()[-1])}
    assert found == {(module, attribute) for module, attribute, _, _ in ALLOWED}


def test_the_versions_they_were_checked_against_are_installed():
    for module, attribute, distribution, checked in sorted(ALLOWED):
        installed = version(distribution)
        assert installed == checked or installed.startswith(checked + "."), (
            f"{module} uses {distribution}'s private {attribute}, checked against {checked}: "
            f"{installed} is installed. Read it again, then update this list."
        )
