from wagtail import hooks

from .image_operations import NonEmptyFillOperation
from .permissions import visible_pages


@hooks.register("construct_explorer_page_queryset")
def hide_other_peoples_drafts_in_the_explorer(parent_page, pages, request):
    return visible_pages(request.user, pages)


@hooks.register("construct_page_chooser_queryset")
def hide_other_peoples_drafts_in_the_chooser(pages, request):
    return visible_pages(request.user, pages)


# After Wagtail's own registration (order 0), so that this "fill" replaces it.
@hooks.register("register_image_operations", order=1)
def refuse_empty_fills():
    return [("fill", NonEmptyFillOperation)]
