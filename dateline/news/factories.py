"""Page factories for tests and the demo command: pages are added under a given parent."""

import factory
from django.utils import timezone

from dateline.mediabank.factories import PhotoFactory

from .models import ArticleAuthor, ArticlePage, AuthorPage, SectionPage, TopicKind, TopicPage


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under `parent` (required) as a live, published page."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True  # hooks create related rows; the page is saved already

    first_published_at = factory.LazyFunction(timezone.now)
    last_published_at = factory.SelfAttribute("first_published_at")

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=False, **kwargs):
        """publish=True goes through Wagtail's publishing, so a revision and a log entry exist
        (give child relations such as article_authors to the constructor, not post-generation,
        for them to be part of that revision)."""
        if parent is None:
            raise ValueError(f"{cls.__name__} needs parent=<page>")
        kwargs.setdefault("locale", parent.locale)
        page = parent.add_child(instance=model_class(*args, **kwargs))
        if publish:
            page.save_revision().publish()
            page.refresh_from_db()  # publishing saved another instance of the page
        return page


class SectionPageFactory(PageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    description = "News from this desk."


class TopicPageFactory(PageFactory):
    class Meta:
        model = TopicPage

    title = factory.Sequence(lambda n: f"Topic {n}")
    kind = TopicKind.PERSON
    role = "Minister of Harbours"


class AuthorPageFactory(PageFactory):
    class Meta:
        model = AuthorPage

    title = factory.Sequence(lambda n: f"Author {n}")
    job_title = "Correspondent"


class ArticlePageFactory(PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Harbour council approves new ferry line {n}")
    standfirst = "The council of Port Halvern approved a new ferry line on Tuesday."
    dateline_place = "PORT HALVERN"
    lead_photo = factory.SubFactory(PhotoFactory)
    body = factory.LazyFunction(
        lambda: [
            ("paragraph", "<p>The vote ended a debate that had lasted two winters.</p>"),
            ("subheading", "What changes"),
            ("paragraph", "<p>Boats will leave every forty minutes from the north pier.</p>"),
        ]
    )

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        for order, author in enumerate(extracted or []):
            ArticleAuthor.objects.create(article=self, author=author, sort_order=order)
