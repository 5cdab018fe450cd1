from django.urls import include, path

from . import views

app_name = "discussion"

urlpatterns = [
    path("<int:article_id>/me/", views.personal, name="personal"),
    path("<int:article_id>/comments/", views.public_comments, name="comments"),
    path("<int:article_id>/write/", views.write, name="write"),
    path("comment/<int:comment_id>/edit/", views.edit, name="edit"),
    path("comment/<int:comment_id>/delete/", views.delete, name="delete"),
    path("comment/<int:comment_id>/report/", views.report, name="report"),
    path("comment/<int:comment_id>/react/", views.react, name="react"),
    # The reader's own account. Until dateline/urls.py mounts dateline.accounts.urls on its
    # own, it lives here (names: discussion:accounts:profile, :export, :delete).
    path("account/", include("dateline.accounts.urls")),
]
