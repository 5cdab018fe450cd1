from django.urls import path

from dateline.caching.middleware import query_params

from . import views

app_name = "mediabank"

urlpatterns = [
    path("", query_params("q", "page")(views.PhotoIndexView.as_view()), name="index"),
    path("<int:pk>/", query_params()(views.PhotoDetailView.as_view()), name="photo"),
]
