from wagtail import hooks

from . import rules, tags


@hooks.register("before_serve_page")
def tag_served_page(page, request, serve_args, serve_kwargs):
    # Pages loaded while routing the URL (the home, the section) are not what the page shows.
    tags.reset(f"page-{page.pk}", *rules.serve_tags(page))
