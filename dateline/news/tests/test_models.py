"""The content model: where pages may live, what an article needs, what blocks accept."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.models import Page

from dateline.news.blocks import ArticleBodyBlock, QuoteBlock
from dateline.news.models import (
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    HomePage,
    SectionPage,
    TopicIndexPage,
    TopicPage,
)
from dateline.news.sitetree import ensure_editions


class TestPageTree:
    def test_an_article_can_only_be_created_in_a_section(self, site):
        assert ArticlePage.allowed_parent_page_models() == [SectionPage]
        assert ArticlePage.can_create_at(site.politics)
        for parent in (site.home, site.topic_index, site.author_index, site.person):
            assert not ArticlePage.can_create_at(parent), parent
        assert not ArticlePage.can_create_at(Page.get_first_root_node())

    def test_articles_have_no_children(self, site):
        assert ArticlePage.creatable_subpage_models() == []

    @pytest.mark.parametrize(
        ("model", "parent_model"),
        [
            (SectionPage, HomePage),
            (TopicPage, TopicIndexPage),
            (AuthorPage, AuthorIndexPage),
            (TopicIndexPage, HomePage),
            (AuthorIndexPage, HomePage),
        ],
    )
    def test_parent_types(self, model, parent_model):
        assert model.allowed_parent_page_models() == [parent_model]

    def test_one_topic_index_and_one_author_index_per_edition(self, site):
        assert not TopicIndexPage.can_create_at(site.home)
        assert not AuthorIndexPage.can_create_at(site.home)

    def test_article_knows_its_section(self, site):
        assert site.article.section == site.politics
        assert isinstance(site.article.section, SectionPage)


class TestEditions:
    def test_ensure_editions_builds_both_homes_with_their_indexes(self, db):
        homes = ensure_editions()
        assert set(homes) == {"en", "ru"}
        assert homes["ru"].translation_key == homes["en"].translation_key
        homes["ru"].refresh_from_db()
        assert homes["ru"].live
        for home in homes.values():
            assert TopicIndexPage.objects.child_of(home).live().count() == 1
            assert AuthorIndexPage.objects.child_of(home).live().count() == 1
        ru_topics = TopicIndexPage.objects.child_of(homes["ru"]).get()
        assert ru_topics.title == "Темы"

    def test_ensure_editions_is_idempotent(self, db):
        first = ensure_editions()
        count = Page.objects.count()
        second = ensure_editions()
        assert Page.objects.count() == count
        assert {code: page.pk for code, page in first.items()} == {
            code: page.pk for code, page in second.items()
        }


class TestArticleValidation:
    """An article without its headline or standfirst cannot be saved, let alone published."""

    def _new_article(self, **overrides):
        fields = {
            "title": "Ferry fares frozen for a year",
            "slug": "ferry-fares-frozen",
            "standfirst": "The council froze ferry fares on Wednesday.",
            "body": [("paragraph", "<p>Fares stay where they are.</p>")],
        }
        fields.update(overrides)
        return ArticlePage(**fields)

    def test_a_complete_article_can_be_added_and_published(self, site):
        article = site.politics.add_child(instance=self._new_article(live=False))
        article.save_revision().publish()
        article.refresh_from_db()
        assert article.live
        assert article.first_published_at is not None

    @pytest.mark.parametrize("field", ["title", "standfirst"])
    def test_a_new_article_without_it_is_refused(self, site, field):
        before = ArticlePage.objects.count()
        with pytest.raises(ValidationError) as excinfo:
            site.politics.add_child(instance=self._new_article(**{field: ""}))
        assert field in excinfo.value.message_dict
        assert ArticlePage.objects.count() == before

    @pytest.mark.parametrize("field", ["title", "standfirst"])
    def test_an_existing_article_cannot_be_revised_without_it(self, site, field):
        article = ArticlePage.objects.get(pk=site.article.pk)
        published_value = getattr(article, field)
        setattr(article, field, "")
        with pytest.raises(ValidationError) as excinfo:
            article.save_revision().publish()
        assert field in excinfo.value.message_dict
        article.refresh_from_db()
        assert getattr(article, field) == published_value
        assert article.live

    def test_full_clean_names_the_missing_headline(self, site):
        article = self._new_article(title="")
        with pytest.raises(ValidationError) as excinfo:
            article.full_clean()
        assert "title" in excinfo.value.message_dict

    def test_a_body_needs_at_least_one_paragraph(self):
        block = ArticleBodyBlock()
        value = block.to_python([{"type": "subheading", "value": "Only a subheading"}])
        with pytest.raises(StreamBlockValidationError):
            block.clean(value)


class TestQuoteBlock:
    def _value(self, speaker, circumstance="on Thursday"):
        return QuoteBlock().to_python(
            {"text": "We stay open.", "speaker": speaker.pk, "circumstance": circumstance}
        )

    def test_a_person_may_speak(self, site):
        block = QuoteBlock()
        cleaned = block.clean(self._value(site.person))
        assert cleaned["speaker"].pk == site.person.pk
        assert cleaned["circumstance"] == "on Thursday"

    @pytest.mark.parametrize("topic", ["organisation", "place"])
    def test_a_speaker_that_is_not_a_person_is_refused(self, site, topic):
        block = QuoteBlock()
        with pytest.raises(StructBlockValidationError) as excinfo:
            block.clean(self._value(getattr(site, topic)))
        assert "speaker" in excinfo.value.block_errors

    def test_the_speaker_is_required_and_the_circumstance_optional(self, site):
        block = QuoteBlock()
        block.clean(self._value(site.person, circumstance=""))
        value = block.to_python({"text": "Words.", "speaker": None, "circumstance": ""})
        with pytest.raises(StructBlockValidationError) as excinfo:
            block.clean(value)
        assert "speaker" in excinfo.value.block_errors


@pytest.mark.django_db
class TestDisplayedTimes:
    def test_updated_time_shown_only_after_first_publication(self):
        published = timezone.now() - timedelta(hours=5)
        article = ArticlePage(first_published_at=published)
        assert article.display_updated_at is None

        article.updated_at = published - timedelta(minutes=1)
        assert article.display_updated_at is None

        article.updated_at = published
        assert article.display_updated_at is None

        article.updated_at = published + timedelta(hours=1)
        assert article.display_updated_at == published + timedelta(hours=1)

    def test_no_updated_time_before_first_publication(self):
        article = ArticlePage(updated_at=timezone.now(), first_published_at=None)
        assert article.display_updated_at is None


class TestBylinesAndTopics:
    def test_byline_keeps_the_order_and_drops_unpublished_authors(self, site):
        article = ArticlePage.objects.get(pk=site.article.pk)
        assert article.byline_authors == [site.reporter, site.editor]
        site.reporter.unpublish()
        article = ArticlePage.objects.get(pk=site.article.pk)
        assert article.byline_authors == [site.editor]

    def test_published_topics_drop_unpublished_ones(self, site):
        site.place.unpublish()
        article = ArticlePage.objects.get(pk=site.article.pk)
        assert {t.pk for t in article.published_topics} == {
            site.person.pk,
            site.organisation.pk,
        }

    def test_lead_caption_override(self, site):
        article = ArticlePage.objects.get(pk=site.article.pk)
        assert article.lead_caption == site.lead_photo.caption
        article.lead_photo_caption = "A different caption for this story."
        assert article.lead_caption == "A different caption for this story."
