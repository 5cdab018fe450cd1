from django.urls import path

from . import views

app_name = "newsroom"

urlpatterns = [
    path("history/<int:pk>/", views.ArticleHistoryView.as_view(), name="article_history"),
]
