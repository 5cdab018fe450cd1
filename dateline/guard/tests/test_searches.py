"""The newsroom's searches are bounded (issue 13, item 7): hundreds of words in the admin's
searches are trimmed to the limits, with a message, never a 500."""

import pytest
from bs4 import BeautifulSoup

from dateline.guard import conf, searches

LONG = " ".join(f"ferry{n}" for n in range(250))
SEARCHES = [
    "/admin/pages/search/",
    "/admin/pages/search/results/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
    "/admin/choose-page/search/",
]


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", SEARCHES)
def test_a_search_of_hundreds_of_words_is_trimmed(site, editor, url):
    response = editor.get(url, {"q": LONG})
    assert response.status_code == 200
    if url.endswith("/pages/search/"):
        text = BeautifulSoup(response.content, "html.parser").get_text(" ")
        assert "Only the first 16 words" in text


def test_a_search_within_the_limits_is_untouched(site, editor):
    response = editor.get("/admin/pages/search/", {"q": "northern ferry"})
    assert response.status_code == 200
    assert "Only the first" not in response.content.decode()
    assert site.article.title in response.content.decode()


def test_trimmed_keeps_whole_words_within_the_limits():
    text = searches.trimmed(LONG)
    assert text.split() == [f"ferry{n}" for n in range(16)]
    long_word = searches.trimmed("x" * 5000)
    assert len(long_word) == conf.get("SEARCH_MAX_CHARS")
    assert searches.problem(searches.trimmed("word " * 300 + "y" * 900)) is None
    assert searches.problem("northern ferry") is None
