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
    # The newest story leads the section (its photo at the lead's sizes), the others are cards.
    assert 'class="lead-story__media"' in response.content.decode()
    assert looked_up == []


def test_the_top_story_photo_is_not_processed_again_on_each_home_page(site, client, monkeypatch):
    """Its card prefetch lacks the larger sizes; they exist and must be found, not remade."""
    photo_model = get_image_model()
    made = []
    original = photo_model.create_renditions

    def spy(self, *filters):
        made.extend(f.spec for f in filters)
        return original(self, *filters)

    monkeypatch.setattr(photo_model, "create_renditions", spy)
    for _ in range(2):
        response = client.get("/en/")
        assert response.status_code == 200
        assert 'class="lead-story__media"' in response.content.decode()
    assert made == []
