from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from dateline.caching import tags
from dateline.pagination import paginate

from .forms import PhotoSearchForm
from .models import Photo
from .renditions import FORMATS, KINDS
from .usage import published_pages_using


class PhotoIndexView(TemplateView):
    """The public media bank: newest first, or the best matches for a search."""

    template_name = "mediabank/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # For the page cache: a photo added, or released from embargo, joins this listing.
        tags.add("list-mediabank")
        form = PhotoSearchForm(self.request.GET or None)
        photos = Photo.objects.public().newest_first().prefetch_renditions(*KINDS["card"].all_specs)
        query = ""
        if form.is_valid() and form.cleaned_data["q"]:
            query = form.cleaned_data["q"]
            photos = (
                Photo.objects.public().prefetch_renditions(*KINDS["card"].all_specs).search(query)
            )
        context.update(
            form=form,
            query=query,
            photos=paginate(self.request, photos, settings.DATELINE_PHOTOS_PER_PAGE),
        )
        return context


class PhotoDetailView(TemplateView):
    template_name = "mediabank/photo.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        photo = get_object_or_404(Photo.objects.public(), pk=self.kwargs["pk"])
        renditions = photo.get_renditions(*KINDS["lead"].all_specs)
        tags.add(f"usage-photo-{photo.pk}")  # the "Used in" list
        context.update(
            photo=photo,
            keywords=[tag.name for tag in photo.tags.all()],
            renditions=[
                {"format": fmt.upper(), "rendition": renditions[spec]}
                for fmt in FORMATS
                for spec in KINDS["lead"].specs(fmt)
            ],
            used_in=published_pages_using(photo),
        )
        return context
