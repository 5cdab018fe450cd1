"""News imports none of the apps built on it: they plug into its extension points."""

import json
import re
import subprocess
import sys
from pathlib import Path

from django.template import engines

from dateline.conftest import get_soup
from dateline.news import extensions

NEWS = Path(__file__).resolve().parents[1]
BUILT_ON_NEWS = ("dateline.discussion",)


# Parsed in a process of its own: CPython 3.11.7's ast module keeps its recursion depth in
# state shared with other threads (gh-106905, fixed in 3.11.8), and a test server thread
# running beside this test made ast.parse fail with "recursion depth mismatch".
FIND_IMPORTS = """
import ast, json, sys
found = {}
for name in sys.argv[1:]:
    modules = found.setdefault(name, [])
    for node in ast.walk(ast.parse(open(name, encoding="utf-8").read(), filename=name)):
        if isinstance(node, ast.Import):
            modules.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.append(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "import_module":
            modules.extend(a.value for a in node.args if isinstance(a, ast.Constant))
print(json.dumps(found))
"""


def imported_modules(paths):
    """{path: [modules it imports]} for each path."""
    result = subprocess.run(  # noqa: S603 - this interpreter, our own script and files
        [sys.executable, "-c", FIND_IMPORTS, *map(str, paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {Path(name): modules for name, modules in json.loads(result.stdout).items()}


def test_news_code_imports_no_app_built_on_it():
    sources = [p for p in NEWS.rglob("*.py") if "tests" not in p.relative_to(NEWS).parts]
    found = imported_modules(sources)
    assert len(found) == len(sources) > 10
    offenders = [
        f"{path.relative_to(NEWS)}: {module}"
        for path, modules in found.items()
        for module in modules
        if module.startswith(BUILT_ON_NEWS)
    ]
    assert offenders == []
    # The scan sees imports at all (a module news certainly imports).
    assert "dateline.caching" in {m for modules in found.values() for m in modules}


def test_news_templates_load_or_include_nothing_of_the_discussion():
    pattern = re.compile(r"{%\s*(include|extends|load)\s[^%]*discussion", re.IGNORECASE)
    offenders = [
        str(path.relative_to(NEWS))
        for path in (NEWS / "templates").rglob("*.html")
        if pattern.search(path.read_text())
    ]
    assert offenders == []


def test_the_article_page_renders_the_registered_sections_in_order(site, client, monkeypatch):
    monkeypatch.setattr(extensions, "_article_sections", dict(extensions._article_sections))
    monkeypatch.setattr(extensions, "_page_scripts", dict(extensions._page_scripts))
    engine = engines["django"].engine
    loader_templates = {
        "test/late.html": '<aside id="late" data-title="{{ page.title }}">{{ note }}</aside>',
        "test/early.html": '<aside id="early">{{ note }}</aside>',
        "test/script.html": '<script id="extra-script" src="/static/x.js" defer></script>',
    }
    monkeypatch.setattr(
        engine,
        "get_template",
        lambda name, original=engine.get_template: (
            engine.from_string(loader_templates[name])
            if name in loader_templates
            else original(name)
        ),
    )
    extensions.register_article_section(
        "late", "test/late.html", get_context=lambda request, page: {"note": "<b>late</b>"}
    )
    extensions.register_article_section("early", "test/early.html", order=1)
    extensions.register_page_script("extra", "test/script.html")
    page = get_soup(client, site.article.url)
    article = page.find("article", class_="article")
    ids = [node["id"] for node in article.find_all("aside", id=["early", "late"])]
    assert ids == ["early", "late"]
    late = article.find(id="late")
    assert late["data-title"] == site.article.title
    assert late.get_text() == "<b>late</b>"  # escaped: text, not markup
    assert page.find("script", id="extra-script") is not None
    # Other pages get the scripts, not the article sections.
    home = get_soup(client, site.home.url)
    assert home.find("script", id="extra-script") is not None
    assert home.find(id="late") is None
