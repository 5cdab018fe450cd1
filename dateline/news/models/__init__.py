from .article import ArticleAuthor, ArticlePage
from .home import HomePage
from .people import AuthorIndexPage, AuthorPage
from .section import SectionPage
from .topic import TopicIndexPage, TopicKind, TopicPage

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "AuthorIndexPage",
    "AuthorPage",
    "HomePage",
    "SectionPage",
    "TopicIndexPage",
    "TopicKind",
    "TopicPage",
]
