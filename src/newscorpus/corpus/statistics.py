"""Corpus statistics: what a corpus holds and what cleaning did to it, counted as records pass.

A corpus run counts every record it writes (:class:`CorpusStatistics`) and writes the counts
beside its output: ``corpus.jsonl`` -> ``corpus.summary.json`` (a cluster corpus:
``OUT/_summary.json``); ``newscorpus dedup`` writes those of its output, with duplicates and
syndication groups. Counting is streaming: each record is reduced to its few
:class:`DocumentFacts` (in the worker that parsed it), and the counts grow with the number of
distinct languages, sites, months, codes, pipelines and syndication groups, not with the
number of records.

A removal or edit is counted by its ``code`` (``markup.mostly-links``), or by its step's name
in records written before codes existed. Warnings (``empty-body``...) are counted by code;
empty bodies are also counted from the text, so records without warnings count too.

>>> statistics = CorpusStatistics()
>>> statistics.add_record({"text": "", "language": "en", "site_name": "Example News",
...                        "published": "2024-05-01T09:00:00+00:00",
...                        "removed": [{"step": "chrome", "code": "chrome.social"}]})
>>> statistics.to_json()["documents"], statistics.to_json()["empty_bodies"]
(1, 1)
>>> statistics.to_json()["removals_by_code"], statistics.to_json()["by_month"]
({'chrome.social': 1}, {'2024-05': 1})
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from attrs import define, field, frozen

__all__ = [
    "UNKNOWN",
    "CorpusStatistics",
    "DocumentFacts",
    "document_facts",
    "summary_path_for",
    "write_summary",
]

#: The key a document is counted under when the value is missing (no language, no date...).
UNKNOWN = "(unknown)"


@frozen
class DocumentFacts:
    """What the statistics need of one record: small, so a worker sends it with the record."""

    language: str
    site: str
    month: str
    empty: bool
    paywalled: bool
    truncated: bool
    removal_codes: tuple[str, ...]
    edit_codes: tuple[str, ...]
    warnings: tuple[str, ...]
    duplicate: bool
    syndication_group: str | None
    pipeline: str | None


def site_of(record: Mapping[str, Any]) -> str:
    """A record's site: its ``site_name``, else its URL's host, else ``(unknown)``.

    >>> site_of({"site_name": None, "url": "https://www.example.com/a"})
    'www.example.com'
    """
    site = record.get("site_name")
    if site:
        return str(site)
    url = record.get("url") or record.get("canonical_url")
    host = urlsplit(str(url)).hostname if url else None
    return host or UNKNOWN


def month_of(value: Any) -> str:
    """The ``YYYY-MM`` of a ``published`` value (ISO text or a date), else ``(unknown)``.

    >>> month_of("2024-05-01T09:00:00+00:00"), month_of(None)
    ('2024-05', '(unknown)')
    """
    if value is None:
        return UNKNOWN
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text[:7] if len(text) >= 7 and text[4] == "-" else UNKNOWN


def _codes(entries: Iterable[Mapping[str, Any]] | None) -> tuple[str, ...]:
    return tuple(str(entry.get("code") or entry.get("step") or UNKNOWN) for entry in entries or ())


def _warning_codes(warnings: Iterable[Any] | None) -> tuple[str, ...]:
    return tuple(
        str(warning.get("code")) if isinstance(warning, Mapping) else str(warning)
        for warning in warnings or ()
    )


def document_facts(record: Mapping[str, Any]) -> DocumentFacts:
    """The facts of one article record (a dict as :func:`~newscorpus.to_dict` makes it).

    >>> facts = document_facts({"text": "Body.", "url": "https://example.org/a",
    ...                         "paywall": {"notice": "Subscribe"}})
    >>> facts.site, facts.paywalled, facts.empty, facts.language
    ('example.org', True, False, '(unknown)')
    """
    group = record.get("syndication_group")
    pipeline = record.get("pipeline")
    return DocumentFacts(
        language=str(record.get("language") or UNKNOWN),
        site=site_of(record),
        month=month_of(record.get("published")),
        empty=not str(record.get("text") or "").strip(),
        paywalled=record.get("paywall") is not None,
        truncated=bool(record.get("truncated")),
        removal_codes=_codes(record.get("removed")),
        edit_codes=_codes(record.get("edits")),
        warnings=_warning_codes(record.get("warnings")),
        duplicate=record.get("duplicate_of") is not None,
        syndication_group=str(group["id"]) if isinstance(group, Mapping) else None,
        pipeline=str(pipeline) if pipeline else None,
    )


def _counter() -> Counter[str]:
    return Counter()


@define
class CorpusStatistics:
    """Counts over a corpus's records, added one at a time (:meth:`add`, :meth:`add_record`)
    and merged across workers or partitions (:meth:`merge`).

    >>> a, b = CorpusStatistics(), CorpusStatistics()
    >>> a.add_record({"text": "One.", "language": "en"})
    >>> b.add_record({"text": "Deux.", "language": "fr", "truncated": True})
    >>> a.merge(b)
    >>> a.documents, dict(a.by_language), a.truncated
    (2, {'en': 1, 'fr': 1}, 1)
    """

    documents: int = 0
    empty_bodies: int = 0
    paywalled: int = 0
    truncated: int = 0
    duplicates: int = 0
    by_language: Counter[str] = field(factory=_counter)
    by_site: Counter[str] = field(factory=_counter)
    by_month: Counter[str] = field(factory=_counter)
    removals_by_code: Counter[str] = field(factory=_counter)
    edits_by_code: Counter[str] = field(factory=_counter)
    warnings_by_code: Counter[str] = field(factory=_counter)
    by_pipeline: Counter[str] = field(factory=_counter)
    #: Members per syndication group id (the number of groups is its length).
    syndication: Counter[str] = field(factory=_counter)

    def add(self, facts: DocumentFacts) -> None:
        """Count one document."""
        self.documents += 1
        self.empty_bodies += facts.empty
        self.paywalled += facts.paywalled
        self.truncated += facts.truncated
        self.duplicates += facts.duplicate
        self.by_language[facts.language] += 1
        self.by_site[facts.site] += 1
        self.by_month[facts.month] += 1
        self.removals_by_code.update(facts.removal_codes)
        self.edits_by_code.update(facts.edit_codes)
        self.warnings_by_code.update(facts.warnings)
        if facts.pipeline is not None:
            self.by_pipeline[facts.pipeline] += 1
        if facts.syndication_group is not None:
            self.syndication[facts.syndication_group] += 1

    def add_record(self, record: Mapping[str, Any]) -> None:
        """Count one article record."""
        self.add(document_facts(record))

    def merge(self, other: CorpusStatistics) -> None:
        """Add ``other``'s counts to these."""
        self.documents += other.documents
        self.empty_bodies += other.empty_bodies
        self.paywalled += other.paywalled
        self.truncated += other.truncated
        self.duplicates += other.duplicates
        for name in _COUNTERS:
            getattr(self, name).update(getattr(other, name))

    def to_json(self) -> dict[str, Any]:
        """The counts as written to a summary file: totals, then each count most common first
        (months in calendar order); ``syndication_groups`` is the number of groups."""
        counts: dict[str, Any] = {
            "documents": self.documents,
            "empty_bodies": self.empty_bodies,
            "paywalled": self.paywalled,
            "truncated": self.truncated,
            "duplicates": self.duplicates,
            "syndication_groups": len(self.syndication),
            "syndicated_documents": sum(self.syndication.values()),
        }
        for name in _COUNTERS:
            if name == "syndication":
                continue
            counter: Counter[str] = getattr(self, name)
            ordered = sorted(counter.items()) if name == "by_month" else counter.most_common()
            counts[name] = dict(ordered)
        return counts

    @classmethod
    def from_json(cls, counts: Mapping[str, Any]) -> CorpusStatistics:
        """Counts read back from :meth:`to_json` (group sizes are not kept there: a merge of
        read-back statistics counts each group's members, not its id)."""
        statistics = cls(
            documents=int(counts["documents"]),
            empty_bodies=int(counts["empty_bodies"]),
            paywalled=int(counts["paywalled"]),
            truncated=int(counts["truncated"]),
            duplicates=int(counts["duplicates"]),
        )
        for name in _COUNTERS:
            if name in counts:
                getattr(statistics, name).update(counts[name])
        return statistics


_COUNTERS = (
    "by_language",
    "by_site",
    "by_month",
    "removals_by_code",
    "edits_by_code",
    "warnings_by_code",
    "by_pipeline",
    "syndication",
)


def summary_path_for(output: str | os.PathLike[str]) -> Path:
    """The summary file beside a corpus file: ``corpus.parquet`` -> ``corpus.summary.json``.

    >>> str(summary_path_for("out/corpus.parquet"))
    'out/corpus.summary.json'
    """
    path = Path(output)
    return path.with_name(f"{path.stem}.summary.json")


def write_summary(path: str | os.PathLike[str], summary: Mapping[str, Any]) -> None:
    """Write ``summary`` as indented JSON at ``path``, atomically."""
    from newscorpus.corpus.atomic import atomic_write

    with atomic_write(path) as stream:
        stream.write(json.dumps(summary, indent=1, ensure_ascii=False).encode("utf-8") + b"\n")
