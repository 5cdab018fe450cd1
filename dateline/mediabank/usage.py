"""Where a photo is published: the live pages that reference it, from Wagtail's reference index."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, ReferenceIndex


def published_pages_using(photo, limit=50):
    """Live, public pages of the active edition that show the photo, newest first."""
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(photo)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
        .distinct()
    )
    return (
        Page.objects.filter(pk__in=[int(pk) for pk in page_ids[: limit * 4]])
        .filter(locale=Locale.get_active())
        .live()
        .public()
        .specific()
        .order_by("-first_published_at")[:limit]
    )
