from django import template

from dateline.mediabank.renditions import FORMATS, KINDS, filters

register = template.Library()


def picture_context(photo, kind="card", alt=None, eager=False):
    """What the picture template needs: one <source> per format and a sized fallback <img>."""
    if not photo:  # None, or a photo readers may not see yet (embargo.py)
        return {"photo": None}
    picture_kind = KINDS[kind]
    _forget_prefetch_without(photo, picture_kind.all_specs)
    renditions = photo.get_renditions(*filters(*picture_kind.all_specs))
    sources = []
    for fmt in FORMATS:
        chosen = [renditions[spec] for spec in picture_kind.specs(fmt)]
        srcset = ", ".join(f"{r.url} {r.width}w" for r in _distinct_widths(chosen))
        sources.append({"type": f"image/{fmt}", "srcset": srcset, "renditions": chosen})
    fallback = sources[-1]["renditions"]
    # The fallback src is a middle width: sharp enough on desktop, light enough on a phone.
    img = fallback[min(len(fallback) - 1, 1)]
    return {
        "photo": photo,
        "webp_srcset": sources[0]["srcset"],
        "jpeg_srcset": sources[1]["srcset"],
        "img": img,
        "sizes": picture_kind.sizes,
        "alt": photo.default_alt_text if alt is None else alt,
        "eager": eager,
    }


def _forget_prefetch_without(photo, specs):
    """Wagtail takes prefetched renditions as all that exist and creates any spec they lack,
    image processing included, on every request. A photo prefetched for cards and shown
    larger (the home's top story) looks its renditions up the usual way instead."""
    prefetched = photo._get_prefetched_renditions()
    if prefetched is None:
        return
    if set(specs) <= {rendition.filter_spec for rendition in prefetched}:
        return
    photo.__dict__.pop("prefetched_renditions", None)
    getattr(photo, "_prefetched_objects_cache", {}).pop("renditions", None)


def _distinct_widths(renditions):
    # A small original yields several renditions of the same width; list each width once.
    seen = set()
    for rendition in renditions:
        if rendition.width not in seen:
            seen.add(rendition.width)
            yield rendition


@register.inclusion_tag("mediabank/includes/picture.html")
def picture(photo, kind="card", alt=None, eager=False):
    return picture_context(photo, kind, alt, eager)
