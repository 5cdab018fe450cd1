import re

from django.contrib.sitemaps.views import x_robots_tag
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import http_date
from django.views.decorators.http import require_GET

from .sitemaps import find_sitemap, news_sitemap_keys, sitemap_keys

PLAIN_KEY = re.compile(r"^[A-Za-z0-9._-]+$")  # nothing reverse() would quote


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/accounts/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        *(
            f"Sitemap: {request.build_absolute_uri(reverse('sitemap_edition', args=[key]))}"
            for key in news_sitemap_keys()
        ),
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
@x_robots_tag
def sitemap_index(request):
    keys = sitemap_keys(request)
    # About a thousand entries at 1M articles (one per section and month): one reverse() and
    # one absolute URL for all of them, and the XML written directly (the template engine
    # spent 20 ms on the loop).
    marker = "sitemap-key-placeholder"
    pattern = request.build_absolute_uri(reverse("sitemap_edition", args=[marker]))
    entries = "".join(
        f"<sitemap><loc>{escape(_location(request, pattern, marker, key))}</loc></sitemap>"
        for key in keys
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}</sitemapindex>\n"
    )
    return HttpResponse(xml, content_type="application/xml")


def _location(request, pattern, marker, key):
    if PLAIN_KEY.match(key):
        return pattern.replace(marker, key)
    return request.build_absolute_uri(reverse("sitemap_edition", args=[key]))


@require_GET
@x_robots_tag
def sitemap_edition(request, section):
    """One sitemap of the index (the URL keyword is the sitemap's name, see sitemaps.py)."""
    sitemap = find_sitemap(request, section)
    if sitemap is None:
        raise Http404("No such sitemap.")
    try:
        page = int(request.GET.get("p", "1"))
    except ValueError:
        raise Http404("No such page of the sitemap.") from None
    if not 1 <= page <= 1000:
        raise Http404("No such page of the sitemap.")
    urls = sitemap.get_urls(page=page)
    if not urls and page > 1:
        raise Http404("No such page of the sitemap.")
    lastmods = [url["lastmod"] for url in urls]
    headers = None
    if urls and None not in lastmods:
        # As Django's sitemap view: lets ConditionalGetMiddleware answer 304.
        headers = {"Last-Modified": http_date(max(lastmods).timestamp())}
    return TemplateResponse(
        request,
        sitemap.template,
        {"urlset": urls},
        content_type="application/xml",
        headers=headers,
    )
