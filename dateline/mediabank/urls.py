from django.urls import path

from . import views

app_name = "mediabank"

urlpatterns = [
    path("", views.PhotoIndexView.as_view(), name="index"),
    path("<int:pk>/", views.PhotoDetailView.as_view(), name="photo"),
]
