"""The data newscorpus produces: articles and what they are made of, and their JSON form."""

from newscorpus.models.article import (
    BLOCK_KINDS,
    Article,
    ArticleWarning,
    Block,
    BlockKind,
    Comment,
    Edit,
    Link,
    Media,
    ParserInfo,
    Paywall,
    Removal,
    SyndicationGroup,
    TableRow,
)
from newscorpus.models.record import SCHEMA_VERSION, from_dict, to_dict

__all__ = [
    "BLOCK_KINDS",
    "SCHEMA_VERSION",
    "Article",
    "ArticleWarning",
    "Block",
    "BlockKind",
    "Comment",
    "Edit",
    "Link",
    "Media",
    "ParserInfo",
    "Paywall",
    "Removal",
    "SyndicationGroup",
    "TableRow",
    "from_dict",
    "to_dict",
]
