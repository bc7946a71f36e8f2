"""What a report shows, gathered in one streamed pass over a corpus's records.

:class:`ReportData` holds the corpus statistics (:class:`~newscorpus.corpus.statistics.
CorpusStatistics`) and what only the report needs: body lengths in fixed bins, removals per
site and code, paywalls per site, syndication groups with their agencies, story sizes, and a
reservoir sample of documents with their removed lines. Memory grows with the number of
distinct sites, codes, stories and groups, never with the text of the corpus: each record is
dropped once counted, and the sample keeps a fixed number of cut-down documents.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import define, field, frozen

from newscorpus.corpus.statistics import UNKNOWN, CorpusStatistics, document_facts

__all__ = ["LENGTH_BINS", "ReportData", "SampleDocument", "collect"]

#: Upper bounds (words) of the body-length bins; the last bin is open-ended.
LENGTH_BINS: tuple[int, ...] = (0, 25, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000)
#: Documents kept in the sample.
SAMPLE_SIZE = 40
#: Characters of a sampled body shown, and removed lines kept per sampled document.
_EXCERPT_CHARS = 700
_REMOVED_LINES = 40
_LINE_CHARS = 300


@frozen
class SampleDocument:
    """A sampled document, cut down to what the report shows."""

    id: str
    title: str | None
    site: str
    url: str | None
    language: str
    published: str
    words: int
    excerpt: str
    #: (step, code, reason, text) of each removed line, in order.
    removed: tuple[tuple[str, str, str, str], ...]
    removed_total: int
    paywalled: bool
    duplicate_of: str | None


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sample(record: Mapping[str, Any], site: str, month: str, words: int) -> SampleDocument:
    removed = record.get("removed") or []
    return SampleDocument(
        id=str(record.get("id")),
        title=record.get("title"),
        site=site,
        url=record.get("url"),
        language=str(record.get("language") or UNKNOWN),
        published=str(record.get("published") or month),
        words=words,
        excerpt=_cut(str(record.get("text") or ""), _EXCERPT_CHARS),
        removed=tuple(
            (
                str(r.get("step")),
                str(r.get("code") or r.get("step")),
                str(r.get("reason") or ""),
                _cut(str(r.get("text") or ""), _LINE_CHARS),
            )
            for r in removed[:_REMOVED_LINES]
        ),
        removed_total=len(removed),
        paywalled=record.get("paywall") is not None,
        duplicate_of=record.get("duplicate_of"),
    )


def _bin_of(words: int) -> int:
    for index, bound in enumerate(LENGTH_BINS):
        if words <= bound:
            return index
    return len(LENGTH_BINS)


def _counter() -> Counter[Any]:
    return Counter()


@define
class ReportData:
    """Everything a report shows, added one record at a time (:meth:`add`).

    >>> data = ReportData(seed=1)
    >>> data.add({"id": "a", "text": "A short body.", "site_name": "Example",
    ...           "removed": [{"step": "chrome", "text": "Share", "reason": "social"}]})
    >>> data.statistics.documents, dict(data.removals_by_site), data.sample[0].removed[0][0]
    (1, {'Example': 1}, 'chrome')
    """

    seed: int = 0
    sample_size: int = SAMPLE_SIZE
    statistics: CorpusStatistics = field(factory=CorpusStatistics)
    #: Documents per body-length bin (index into :data:`LENGTH_BINS`, then one open bin).
    lengths: list[int] = field(factory=lambda: [0] * (len(LENGTH_BINS) + 1))
    words: int = 0
    removals_by_site: Counter[str] = field(factory=_counter)
    removals_by_site_code: Counter[tuple[str, str]] = field(factory=_counter)
    paywalled_by_site: Counter[str] = field(factory=_counter)
    agencies: Counter[str] = field(factory=_counter)
    group_agency: dict[str, str] = field(factory=dict)
    stories: Counter[str] = field(factory=_counter)
    story_titles: dict[str, str] = field(factory=dict)
    story_sites: dict[str, set[str]] = field(factory=dict)
    sample: list[SampleDocument] = field(factory=list)
    _random: random.Random = field(init=False)

    def __attrs_post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def add(self, record: Mapping[str, Any]) -> None:
        """Count one article record, and maybe keep it in the sample."""
        facts = document_facts(record)
        self.statistics.add(facts)
        words = len(str(record.get("text") or "").split())
        self.words += words
        self.lengths[_bin_of(words)] += 1
        if facts.removal_codes:
            self.removals_by_site[facts.site] += len(facts.removal_codes)
            self.removals_by_site_code.update((facts.site, code) for code in facts.removal_codes)
        if facts.paywalled:
            self.paywalled_by_site[facts.site] += 1
        group = record.get("syndication_group")
        if isinstance(group, Mapping) and group.get("id") is not None:
            key = str(group["id"])
            if key not in self.group_agency:
                agency = str(group.get("agency") or "(no agency)")
                self.group_agency[key] = agency
                self.agencies[agency] += 1
        story = record.get("story")
        if story is not None:
            key = str(story)
            self.stories[key] += 1
            if key not in self.story_titles and record.get("title"):
                self.story_titles[key] = _cut(str(record["title"]), 160)
            self.story_sites.setdefault(key, set()).add(facts.site)
        self._keep(record, facts.site, facts.month, words)

    def _keep(self, record: Mapping[str, Any], site: str, month: str, words: int) -> None:
        """Reservoir sampling (algorithm R): every document has the same chance to be kept."""
        seen = self.statistics.documents
        if len(self.sample) < self.sample_size:
            self.sample.append(_sample(record, site, month, words))
            return
        slot = self._random.randrange(seen)
        if slot < self.sample_size:
            self.sample[slot] = _sample(record, site, month, words)

    def largest_stories(self, count: int = 20) -> list[tuple[str, int, str, int]]:
        """The ``count`` stories with the most documents: (id, documents, a title, sites)."""
        return [
            (story, size, self.story_titles.get(story, ""), len(self.story_sites.get(story, ())))
            for story, size in self.stories.most_common(count)
        ]


def collect(records: Iterable[Mapping[str, Any]], *, seed: int = 0) -> ReportData:
    """Gather a report's data from ``records`` (streamed: one record in memory at a time).

    >>> collect([{"id": "a", "text": "One two three."}]).lengths[1]
    1
    """
    data = ReportData(seed=seed)
    for record in records:
        data.add(record)
    data.sample.sort(key=lambda document: (document.site, document.published, document.id))
    return data
