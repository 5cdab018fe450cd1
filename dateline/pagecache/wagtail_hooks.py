from wagtail import hooks
from wagtail.models import Site

from . import rules, tags


@hooks.register("before_serve_page")
def tag_served_page(page, request, serve_args, serve_kwargs):
    # Pages loaded while routing the URL (the home, the section) are not what the page shows;
    # nor is the site's root page, which URLs are built from (looked up once per request).
    with tags.untracked():
        Site.find_for_request(request)
    tags.reset(f"page-{page.pk}", *rules.serve_tags(page))
