"""Every edition speaks its own language: the catalogue is complete and nothing leaks.

The model page leaked a Russian template placeholder into the English edition; these tests
check the catalogue itself and the rendered pages of both editions.
"""

import gettext
import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings

from dateline.news.factories import (
    ArticlePageFactory,
    AuthorPageFactory,
    SectionPageFactory,
    TopicPageFactory,
)
from dateline.news.models import AuthorIndexPage, TopicIndexPage
from dateline.news.sitetree import ensure_editions

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
def test_catalogue_is_complete_and_compiled(language):
    po = catalogue(language)
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated}"
    assert not fuzzy, f"fuzzy: {fuzzy}"
    # The committed .mo must be compiled from the committed .po (fresh machines lack msgfmt).
    mo_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"
    with open(mo_path, "rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in po.translated_entries():
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, entry.msgid


def _visible_text(html):
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style"]):
        hidden.decompose()
    # Names of the other editions in the switcher are marked with their own lang attribute.
    for foreign in soup.select("[lang]:not(html)"):
        foreign.decompose()
    return soup.get_text(" ", strip=True)


@pytest.fixture
def two_editions(db):
    homes = ensure_editions()
    en, ru = homes["en"], homes["ru"]
    section = SectionPageFactory(parent=en, title="Politics", slug="politics")
    person = TopicPageFactory(
        parent=TopicIndexPage.objects.get(locale=en.locale), title="Ada Brenn", slug="ada-brenn"
    )
    author = AuthorPageFactory(
        parent=AuthorIndexPage.objects.get(locale=en.locale), title="Lev Ortis", slug="lev-ortis"
    )
    article = ArticlePageFactory(
        parent=section,
        authors=[author],
        # Photo metadata is content shared by both editions; keep it free of UI words.
        lead_photo__title="DSC 0042",
        lead_photo__caption="Harbour, 2026",
        body=[
            {"type": "paragraph", "value": "<p>The council met at noon.</p>"},
            {
                "type": "quote",
                "value": {"text": "We will build it.", "speaker": person.pk, "circumstance": ""},
            },
        ],
    )
    ru_section = section.copy_for_translation(ru.locale)
    ru_section.title = "Политика"
    ru_section.description = "Новости политики."
    ru_section.save_revision().publish()
    ru_article = article.copy_for_translation(ru.locale)
    ru_article.title = "Совет одобрил новую паромную линию"
    ru_article.standfirst = "Совет Порт-Халверна во вторник одобрил новую паромную линию."
    ru_article.body = [{"type": "paragraph", "value": "<p>Совет собрался в полдень.</p>"}]
    ru_article.save_revision().publish()
    ru_article.refresh_from_db()
    return {
        "en": [en.url, section.url, article.url],
        "ru": [ru.url, ru_section.url, ru_article.url],
    }


def test_english_pages_have_no_russian_text(client, two_editions):
    for url in [
        *two_editions["en"],
        "/en/topics/",
        "/en/authors/",
        "/en/mediabank/",
        "/en/no-such-page/",
    ]:
        response = client.get(url)
        assert response.status_code == (404 if "no-such-page" in url else 200), url
        text = _visible_text(response.content.decode())
        assert not CYRILLIC.search(text), f"{url}: {CYRILLIC.findall(text)[:10]}"


def test_russian_pages_have_no_english_ui_strings(client, two_editions):
    english_ui = {
        e.msgid
        for e in catalogue("ru")
        if len(e.msgid) > 3 and "%(" not in e.msgid and "<" not in e.msgid
    }
    for url in [
        *two_editions["ru"],
        "/ru/topics/",
        "/ru/authors/",
        "/ru/mediabank/",
        "/ru/no-such-page/",
    ]:
        response = client.get(url)
        assert response.status_code == (404 if "no-such-page" in url else 200), url
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.html["lang"] == "ru"
        text = _visible_text(response.content.decode())
        leaked = sorted(s for s in english_ui if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text))
        assert not leaked, f"{url}: {leaked}"
