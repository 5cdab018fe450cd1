from django_tasks import task


@task()
def purge_urls(urls):
    """Ask every configured CDN to drop these URLs (Wagtail's front-end cache backends)."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(urls)
    return len(urls)
