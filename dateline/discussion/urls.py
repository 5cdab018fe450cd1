from django.urls import path
from django.views.generic import RedirectView

from dateline.caching.middleware import query_params

from . import views

app_name = "discussion"


def moved(name):
    """The reader's account lived here before it moved to /<lang>/account/."""
    return RedirectView.as_view(pattern_name=name, permanent=True, query_string=True)


urlpatterns = [
    path("counts/", query_params("ids")(views.counts), name="counts"),
    path("<int:article_id>/me/", views.personal, name="personal"),
    path(
        "<int:article_id>/comments/",
        query_params("sort", "comments")(views.public_comments),
        name="comments",
    ),
    path("<int:article_id>/write/", views.write, name="write"),
    path("comment/<int:comment_id>/edit/", views.edit, name="edit"),
    path("comment/<int:comment_id>/delete/", views.delete, name="delete"),
    path("comment/<int:comment_id>/report/", views.report, name="report"),
    path("comment/<int:comment_id>/react/", views.react, name="react"),
    path("account/", moved("accounts:profile")),
    path("account/export/", moved("accounts:export")),
    path("account/delete/", moved("accounts:delete")),
]
