"""A reader's media bank search of hundreds of words is answered, never a 500 (issue 13, item 7:
the API's and the admin's searches are bounded in dateline/guard; this one by its form)."""

import pytest

from dateline.conftest import url_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("words", [100, 200, 400])
def test_a_search_of_hundreds_of_words_is_answered(site, client, words):
    url = url_in("en", "mediabank:index")
    repeated = " ".join(["harbour"] * words)
    assert client.get(url, {"q": repeated}).status_code == 200
    distinct = " ".join(f"w{n}" for n in range(words))
    assert client.get(url, {"q": distinct}).status_code == 200
