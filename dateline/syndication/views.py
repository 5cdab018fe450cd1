from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from .sitemaps import edition_sitemaps


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/accounts/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def sitemap_index(request):
    return sitemap_views.index(
        request, edition_sitemaps(request), sitemap_url_name="sitemap_edition"
    )


@require_GET
def sitemap_edition(request, section):
    sitemaps = edition_sitemaps(request)
    if section not in sitemaps:
        raise Http404("No such sitemap.")
    return sitemap_views.sitemap(request, {section: sitemaps[section]})
