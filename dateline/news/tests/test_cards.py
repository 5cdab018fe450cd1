"""Cards carry their photo's renditions from the listing query: none is looked up per card."""

import pytest
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def test_card_photos_come_with_their_renditions(site):
    article = site.politics.articles().get(pk=site.article.pk)
    assert article.lead_photo._get_prefetched_renditions() is not None


def test_a_section_page_reads_no_rendition_from_the_cache(site, client, monkeypatch):
    backend = get_image_model().get_rendition_model().cache_backend
    looked_up = []
    original = backend.get_many

    def spy(keys, *args, **kwargs):
        looked_up.extend(keys)
        return original(keys, *args, **kwargs)

    monkeypatch.setattr(backend, "get_many", spy)
    response = client.get(site.politics.url)
    assert response.status_code == 200
    assert 'class="card__media"' in response.content.decode()
    assert looked_up == []
