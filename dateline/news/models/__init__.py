from .article import ArticleAuthor, ArticleCorrection, ArticlePage, CorrectionKind
from .home import HomePage, HomePinnedStory
from .people import AuthorIndexPage, AuthorPage
from .section import SectionPage
from .topic import TopicIndexPage, TopicKind, TopicPage

__all__ = [
    "ArticleAuthor",
    "ArticleCorrection",
    "ArticlePage",
    "AuthorIndexPage",
    "AuthorPage",
    "CorrectionKind",
    "HomePage",
    "HomePinnedStory",
    "SectionPage",
    "TopicIndexPage",
    "TopicKind",
    "TopicPage",
]
