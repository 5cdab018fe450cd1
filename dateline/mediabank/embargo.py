"""Who may see a photo under embargo: the newsroom, never readers.

An embargoed photo is *falsy* while rendering for readers (``Photo.__bool__``): every template
guard ``{% if page.lead_photo %}`` / ``{% if value.photo %}`` then drops the figure with its
caption, credit and renditions, in articles, cards, related cards, live blogs and structured
data alike, without each of them knowing about embargoes.

"Rendering for readers" is every request outside the admin (pages, feeds, the API, sitemaps:
``ReadersViewMiddleware``), and whatever code wraps in ``readers_view()`` (e.g. live blog
entries pushed to open pages from an editor's request; a task or command that renders for
readers must do the same). Elsewhere (the admin, its previews and choosers, the scheduler,
search indexing) a photo is an ordinary object.
"""

import contextvars
from contextlib import contextmanager

from django.urls import reverse

_readers = contextvars.ContextVar("dateline_readers_view", default=False)


def rendering_for_readers():
    return _readers.get()


@contextmanager
def readers_view():
    """Hide embargoed photos from what is rendered inside (it is for readers)."""
    token = _readers.set(True)
    try:
        yield
    finally:
        _readers.reset(token)


class ReadersViewMiddleware:
    """Every request outside the admin renders for readers; admin requests see everything."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        # Previews are rendered by the admin through a dummy request to the page's own URL.
        if request.path.startswith(self.admin_prefix) or getattr(request, "is_dummy", False):
            return self.get_response(request)
        with readers_view():
            return self.get_response(request)


def staff_may_see(user):
    """Newsroom staff may fetch renditions readers do not get (admin thumbnails, previews)."""
    return bool(
        user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin")
    )


def may_edit(user, photo):
    """Staff who may edit this photo (Wagtail's image permissions, per collection) may fetch
    its original and its files while under embargo; other staff (moderators) may not."""
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(type(photo))
    return staff_may_see(user) and policy.user_has_permission_for_instance(user, "change", photo)


def photos_in(instance):
    """The photos a page (or any model instance) shows: photo fields and photo blocks."""
    from django.db.models import ForeignKey
    from wagtail.blocks import StreamValue, StructValue
    from wagtail.blocks.list_block import ListValue
    from wagtail.fields import StreamField

    from .models import Photo

    found = {}

    def walk(value):
        if isinstance(value, Photo):
            found[value.pk] = value
        elif isinstance(value, StreamValue | ListValue):
            for child in value:
                walk(getattr(child, "value", child))
        elif isinstance(value, StructValue):
            for item in value.values():
                walk(item)

    for field in instance._meta.concrete_fields:
        if isinstance(field, ForeignKey) and issubclass(field.related_model, Photo):
            walk(getattr(instance, field.name))
        elif isinstance(field, StreamField):
            walk(getattr(instance, field.name))
    return list(found.values())


def still_embargoed(photos, at=None):
    """The photos among `photos` that will still be under embargo at `at` (default: now)."""
    from django.utils import timezone

    at = at or timezone.now()
    return [p for p in photos if p.embargo_until is not None and p.embargo_until > at]
