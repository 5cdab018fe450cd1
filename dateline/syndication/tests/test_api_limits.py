"""Inputs the API bounds (issue 13, items 7 and 8): a long search, a huge offset and field
filters on numbers out of range are a 400 with a JSON message, never a 500."""

import pytest

from dateline.guard import conf

PAGES = "/api/v2/pages/"
IMAGES = "/api/v2/images/"


def bad_request(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 400, (url, params, response.content[:300])
    assert response["Content-Type"] == "application/json"
    return response.json()["message"]


@pytest.mark.parametrize("url", [PAGES, IMAGES])
def test_a_search_of_two_hundred_words_is_a_400(site, client, url):
    words = " ".join(f"ferry{n}" for n in range(200))
    assert "words" in bad_request(client, url, search=words)
    assert "words" in bad_request(client, url, search=words, search_operator="or")


@pytest.mark.parametrize("url", [PAGES, IMAGES])
def test_a_search_too_long_is_a_400(site, client, url):
    assert "characters" in bad_request(client, url, search="f" * 5000)


def test_a_search_at_the_limits_is_answered(site, client):
    words = " ".join(["northern"] + ["ferry"] * (conf.get("SEARCH_MAX_WORDS") - 1))
    for operator in ("and", "or"):
        response = client.get(PAGES, {"search": words, "search_operator": operator})
        assert response.status_code == 200
    found = [item["id"] for item in client.get(PAGES, {"search": "northern ferry"}).json()["items"]]
    assert site.article.pk in found


@pytest.mark.parametrize("url", [PAGES, IMAGES])
@pytest.mark.parametrize("offset", [2**63, 2**63 - 1, 2**64, 10**30])
def test_an_offset_out_of_range_is_a_400(site, client, url, offset):
    assert "offset" in bad_request(client, url, offset=offset)


@pytest.mark.parametrize("name", ["child_of", "descendant_of", "translation_of", "section"])
def test_a_page_filter_out_of_range_is_a_400(site, client, name):
    assert "out of range" in bad_request(client, PAGES, **{name: 2**64})


@pytest.mark.parametrize("url", [PAGES, IMAGES])
def test_an_id_out_of_range_is_a_400_or_not_found(site, client, url):
    assert "out of range" in bad_request(client, url, id=2**64)
    assert "out of range" in bad_request(client, f"{url}find/", id=2**64)
    response = client.get(f"{url}{2**64}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"


def test_a_large_offset_in_range_is_an_empty_page(site, client):
    response = client.get(PAGES, {"offset": 10**6})
    assert response.status_code == 200
    assert response.json()["items"] == []
