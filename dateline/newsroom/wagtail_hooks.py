from wagtail import hooks

from .permissions import visible_pages


@hooks.register("construct_explorer_page_queryset")
def hide_other_peoples_drafts_in_the_explorer(parent_page, pages, request):
    return visible_pages(request.user, pages)


@hooks.register("construct_page_chooser_queryset")
def hide_other_peoples_drafts_in_the_chooser(pages, request):
    return visible_pages(request.user, pages)
