"""The outcome of deduplication: the three fields of every record, by article id.

>>> from newscorpus.models.article import Article, ParserInfo, SyndicationGroup
>>> result = DedupResult({"b": Assignment(duplicate_of="a", story="a")}, documents=2, records=2)
>>> article = Article(id="b", blocks=(), parser=ParserInfo("dump", "0"))
>>> result.apply(article).duplicate_of, result.fields("zzz")
('a', Assignment(duplicate_of=None, syndication_group=None, story=None))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs
from attrs import field, frozen, validators

from newscorpus.models.article import Article, SyndicationGroup

__all__ = ["NO_ASSIGNMENT", "Assignment", "DedupResult"]

_optional_text = validators.optional(validators.instance_of(str))


@frozen
class Assignment:
    """The deduplication fields of one record (all ``None``: a document alone in its corpus).

    >>> Assignment(story="c490be534d8cde07").story
    'c490be534d8cde07'
    """

    duplicate_of: str | None = field(default=None, validator=_optional_text)
    syndication_group: SyndicationGroup | None = field(
        default=None, validator=validators.optional(validators.instance_of(SyndicationGroup))
    )
    story: str | None = field(default=None, validator=_optional_text)

    def record_fields(self) -> dict[str, Any]:
        """The three fields as a JSON record has them.

        >>> Assignment(syndication_group=SyndicationGroup("a", "AFP")).record_fields()
        {'duplicate_of': None, 'syndication_group': {'id': 'a', 'agency': 'AFP'}, 'story': None}
        """
        group = self.syndication_group
        return {
            "duplicate_of": self.duplicate_of,
            "syndication_group": {"id": group.id, "agency": group.agency} if group else None,
            "story": self.story,
        }


#: The fields of a record that is no one's duplicate, in no group and no story.
NO_ASSIGNMENT = Assignment()


@frozen
class DedupResult:
    """The fields of every record, by id (records without any field are left out), plus counts.

    ``documents`` is the number of distinct ids seen and ``records`` the number of records
    (a record whose id repeats an earlier one is the same document: ids are content hashes).

    >>> result = DedupResult({"b": Assignment(duplicate_of="a")}, documents=2, records=3)
    >>> result.fields("b").duplicate_of, result.duplicates, result.records
    ('a', 1, 3)
    """

    assignments: Mapping[str, Assignment] = field(repr=False)
    documents: int = 0
    records: int = 0

    def fields(self, article_id: str) -> Assignment:
        """The fields of the record with id ``article_id``."""
        return self.assignments.get(article_id, NO_ASSIGNMENT)

    def apply(self, article: Article) -> Article:
        """``article`` with its three fields set (:func:`attrs.evolve`, nothing else changed)."""
        found = self.fields(article.id)
        return attrs.evolve(
            article,
            duplicate_of=found.duplicate_of,
            syndication_group=found.syndication_group,
            story=found.story,
        )

    def annotate(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Each article with its fields set, streamed in input order."""
        for article in articles:
            yield self.apply(article)

    @property
    def duplicates(self) -> int:
        """How many distinct documents are duplicates of another."""
        return sum(1 for a in self.assignments.values() if a.duplicate_of is not None)

    @property
    def syndication_groups(self) -> int:
        """How many syndication groups there are."""
        return len(
            {a.syndication_group.id for a in self.assignments.values() if a.syndication_group}
        )

    @property
    def stories(self) -> int:
        """How many stories there are."""
        return len({a.story for a in self.assignments.values() if a.story})
