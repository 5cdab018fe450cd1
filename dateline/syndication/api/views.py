"""The API's endpoints: Wagtail's page and image endpoints narrowed to what readers may see.

Every answer is the same for everybody (no authentication, no session, no password-accepted
restriction), so responses are public and cacheable. Bad parameters get a 400 JSON error.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import translation
from django.utils.cache import patch_cache_control
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.api import APIField
from wagtail.api.v2.filters import (
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, Site

from dateline.caching import tags
from dateline.guard import searches
from dateline.mediabank.models import Photo
from dateline.mediabank.renditions import LEAD_SPECS
from dateline.news.models import ArticleAuthor, ArticlePage, TopicPage

from . import fields

CACHE_SECONDS = 60
# Deeper than any listing goes (a million articles at most 20 a page), and offset + limit
# within the databases' 64-bit integers.
MAX_OFFSET = 1_000_000_000
# Integers in parameters (?id=, ?child_of=, ?offset=...) beyond this are a 400: SQLite and
# PostgreSQL refuse them in a query.
MAX_INTEGER = 2**63 - 1


class SafeFieldsFilter(FieldsFilter):
    """?field=value filters; a value the field cannot hold is a 400, not a server error."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except (ValueError, TypeError, ValidationError) as error:
            raise BadRequestError("field filter error: invalid value") from error


class AllowedOrderingFilter(OrderingFilter):
    def filter_queryset(self, request, queryset, view):
        for name in request.GET.get("order", "").split(","):
            if name and name.lstrip("-") not in view.ordering_fields:
                raise BadRequestError(f"cannot order by '{name}'")
        return super().filter_queryset(request, queryset, view)


class EditionFilter:
    """?locale=en: one edition's articles; an unknown edition is a 400."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is None:
            return queryset
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise BadRequestError("locale must be one of: " + ", ".join(dict(settings.LANGUAGES)))
        return queryset.filter(locale=locale)


class SafeSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "\x00" in request.GET.get("search", ""):
            raise BadRequestError("search error: null characters are not allowed")
        problem = searches.problem(request.GET.get("search", ""))
        if problem:
            raise BadRequestError(problem)
        operator = request.GET.get("search_operator")
        if operator not in (None, "and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        return super().filter_queryset(request, queryset, view)


def check_integers(request):
    for name, value in request.GET.items():
        if value.lstrip("-").isdigit() and abs(int(value)) > MAX_INTEGER:
            raise BadRequestError(f"{name} is out of range")


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicAPIMixin:
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = []
    renderer_classes = [JSONRenderer]
    pagination_class = BoundedPagination
    ordering_fields = ()

    def listing_tags(self):
        return []

    def dispatch(self, request, *args, **kwargs):
        # One answer whatever the reader's Accept-Language: links to photo pages and error
        # messages in the default edition.
        with translation.override(settings.LANGUAGE_CODE):
            return super().dispatch(request, *args, **kwargs)

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        check_integers(self.request)

    def detail_view(self, request, pk):
        if int(pk) > MAX_INTEGER:
            raise Http404("not found")
        return super().detail_view(request, pk)

    def listing_view(self, request):
        # Its addresses start with the editions' (sections, indexes): their mastheads'.
        tags.add(*self.listing_tags(), *(f"masthead-{code}" for code, _ in settings.LANGUAGES))
        return super().listing_view(request)

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise BadRequestError("id must be a positive integer")
        check_integers(request)
        return super().find_object(queryset, request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
        elif response.status_code == 404:
            # LocaleMiddleware redirects a 404 outside the editions to /en/<path>, where Wagtail
            # answers in HTML; it does so only when the request's urlconf has language prefixes.
            request._request.urlconf = "dateline.syndication.api.urls"
        return response


class ArticlesAPIViewSet(PublicAPIMixin, PagesAPIViewSet):
    """Live, public articles, newest first. Other page types are not served here."""

    model = ArticlePage
    filter_backends = [
        SafeFieldsFilter,
        ChildOfFilter,
        DescendantOfFilter,
        AllowedOrderingFilter,
        TranslationOfFilter,
        EditionFilter,
        SafeSearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(
        ["type", "child_of", "descendant_of", "translation_of", "locale"]
    )
    body_fields = ["id", "title"]
    meta_fields = [
        "type",
        "detail_url",
        "html_url",
        "slug",
        "locale",
        "first_published_at",
        "search_description",
    ]
    article_fields = [
        APIField("standfirst"),
        APIField("dateline_place"),
        APIField("section", serializer=fields.SectionField()),
        APIField("authors", serializer=fields.AuthorsField()),
        APIField("topics", serializer=fields.TopicsField()),
        APIField("lead_photo", serializer=fields.LeadPhotoField()),
        APIField("body", serializer=fields.BodyField()),
        APIField("corrections", serializer=fields.CorrectionsField()),
        APIField("published_at"),
        APIField("updated_at", serializer=fields.UpdatedField()),
    ]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "html_url",
        "slug",
        "locale",
        "title",
        "standfirst",
        "section",
        "authors",
        "lead_photo",
        "published_at",
        "updated_at",
    ]
    nested_default_fields = ["id", "type", "detail_url", "title"]
    detail_only_fields = ["body", "corrections"]
    ordering_fields = ("id", "title", "published_at", "first_published_at", "slug")

    @classmethod
    def get_body_fields(cls, model):
        # The fields are declared here rather than as ArticlePage.api_fields: news does not
        # know about the API, which builds on it.
        return cls._convert_api_fields(cls.body_fields + cls.article_fields)

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        available = super().get_available_fields(model, db_fields_only)
        if db_fields_only:
            # Not filters: the body is JSON; the others are summaries of related rows.
            available = [
                name for name in available if name not in {"body", "corrections", "updated_at"}
            ]
        return available

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.listing_default_fields[:]

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)

    def find_object(self, queryset, request):
        if "html_path" in request.GET:
            return self.find_by_path(queryset, request.GET["html_path"])
        return super().find_object(queryset, request)

    def find_by_path(self, queryset, html_path):
        """The article at a reader's URL, e.g. /en/politics/<slug>/: Wagtail's own lookup
        routes from the site's root page and knows nothing of the edition prefix."""
        if any(ord(character) < 32 for character in html_path):
            return None  # no page has a control character in its URL (and PostgreSQL refuses NUL)
        language, *parts = [part for part in html_path.split("/") if part] or [""]
        locale = Locale.objects.filter(language_code=language).first()
        site = Site.find_for_request(self.request)
        home = site.root_page.get_translation_or_none(locale) if site and locale else None
        if home is None or not parts:
            return None
        try:
            page, _args, _kwargs = home.specific.route(self.request, parts)
        except Http404:
            return None
        return queryset.filter(pk=page.pk).first()

    def get_base_queryset(self):
        # Pages the filters may name (?child_of=<section>, ?descendant_of=<home>).
        return Page.objects.live().public()

    def get_queryset(self):
        requested = self.request.GET.get("type")
        if requested is not None and requested.lower() != "news.articlepage":
            raise BadRequestError("type must be news.ArticlePage: the API serves articles")
        articles = ArticlePage.objects.published()
        if "search" not in self.request.GET:
            # The search index has no published_at: results come by relevance (or ?order=).
            articles = articles.newest_first()
        return articles.select_related("section", "locale").prefetch_related(
            Prefetch("lead_photo", queryset=Photo.objects.prefetch_renditions(*LEAD_SPECS)),
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
            ),
            Prefetch("topics", queryset=TopicPage.objects.order_by("title")),
        )

    def listing_tags(self):
        return [f"list-edition-{code}" for code, _name in settings.LANGUAGES]


def restricted_collection_ids():
    """Collections behind a view restriction, with their descendants (for everybody)."""
    paths = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ).values_list("path", flat=True)
    if not paths:
        return []
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    return list(Collection.objects.filter(condition).values_list("pk", flat=True))


class PhotosAPIViewSet(PublicAPIMixin, ImagesAPIViewSet):
    """The public media bank: photos not under embargo, newest first."""

    model = Photo
    filter_backends = [SafeFieldsFilter, AllowedOrderingFilter, SafeSearchFilter]
    body_fields = [
        "id",
        "title",
        "caption",
        APIField("credit", serializer=fields.PhotoCreditField()),
        "agency",
        "photographer",
        "date_taken",
        "licence",
        APIField("licence_url", serializer=fields.PhotoLicenceURLField()),
        "width",
        "height",
        APIField("renditions", serializer=fields.PhotoRenditionsField()),
    ]
    meta_fields = [
        "type",
        "detail_url",
        APIField("html_url", serializer=fields.PhotoPageField()),
        "tags",
        "created_at",
    ]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "html_url",
        "title",
        "caption",
        "credit",
        "licence",
        "date_taken",
    ]
    nested_default_fields = ["id", "type", "detail_url", "title"]
    ordering_fields = ("id", "title", "created_at", "date_taken")

    def get_queryset(self):
        return (
            Photo.objects.public()
            .exclude(collection__in=restricted_collection_ids())
            .newest_first()
            .prefetch_renditions(*LEAD_SPECS)
            .prefetch_related("tags")
        )

    def listing_tags(self):
        return ["list-mediabank"]
