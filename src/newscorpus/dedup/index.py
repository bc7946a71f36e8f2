"""The first pass of deduplication: a compact index of every document, then the grouping.

:class:`DedupIndex` takes articles one at a time and keeps, per distinct id, only what the
grouping needs: two MinHash signatures (``num_perm`` x 4 bytes each), the shingle count, the
top story terms (:data:`~newscorpus.tuning.STORY_TERMS` x 12 bytes), the date, outlet and
agency. :meth:`DedupIndex.build` then finds:

* *copy edges*: LSH candidates (whole-body and head signatures) whose estimated containment of
  the shorter body in the longer reaches ``syndication_threshold``;
* *duplicate edges*: copy edges whose containment reaches ``duplicate_threshold`` between
  records of the same outlet (or where either outlet is unknown);
* *story edges*: see :mod:`newscorpus.dedup.stories`.

Groups are connected components. A duplicate group's canonical record is the first in the
completeness order (:mod:`newscorpus.dedup.canonical`); every other member gets its id as
``duplicate_of``. A copy component that holds more than one duplicate group (at least two
distinct texts or outlets) is a syndication group; a story component likewise is a story. Both
are named by the id of their canonical member, so ids depend only on the members: reordering
the input or adding an unrelated document changes no group.

>>> from newscorpus.models.article import Article, Block, ParserInfo
>>> body = " ".join(f"word{i}" for i in range(60))
>>> def article(id: str, text: str) -> Article:
...     return Article(id=id, blocks=(Block("paragraph", text),), parser=ParserInfo("dump", "0"))
>>> index = DedupIndex()
>>> for item in (article("a", body), article("b", body + " more"), article("c", "other words")):
...     index.add(item)
>>> result = index.build()
>>> result.fields("a").duplicate_of, result.fields("b").duplicate_of, result.fields("c").story
('b', None, None)
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from typing import TYPE_CHECKING, Any

import numpy as np

from newscorpus import tuning
from newscorpus.dedup.canonical import completeness_key, outlet_of, timestamp
from newscorpus.dedup.clusters import components
from newscorpus.dedup.lsh import candidate_pairs
from newscorpus.dedup.minhash import MinHasher, containment_bound
from newscorpus.dedup.result import Assignment, DedupResult
from newscorpus.dedup.settings import DEFAULT_DEDUP_SETTINGS, DedupSettings
from newscorpus.dedup.shingles import TokenHasher, batch_shingles, distinct_counts, tokens
from newscorpus.dedup.stories import StoryTerms, story_pairs
from newscorpus.dedup.syndication import group_agency
from newscorpus.models.article import Article, SyndicationGroup

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["DedupIndex"]

#: Candidate pairs verified at a time.
_PAIR_CHUNK = 1 << 16


class DedupIndex:
    """Signatures and metadata of a stream of articles; :meth:`build` groups them."""

    def __init__(self, settings: DedupSettings = DEFAULT_DEDUP_SETTINGS) -> None:
        self.settings = settings
        self._hasher = TokenHasher()
        self._minhash = MinHasher(settings.num_perm, settings.seed)
        self._terms = StoryTerms(hasher=self._hasher)
        self._seen: set[str] = set()
        self.records = 0
        self._ids: list[str] = []
        self._truncated: list[bool] = []
        self._moments: list[float] = []
        self._outlets: list[str | None] = []
        self._agencies: list[str | None] = []
        self._pending: list[list[bytes]] = []
        self._languages: list[str | None] = []
        self._sizes_parts: list[npt.NDArray[np.int64]] = []
        self._full: list[npt.NDArray[np.uint32]] = []
        self._heads: list[npt.NDArray[np.uint32]] = []
        self._story_terms: list[npt.NDArray[np.uint64]] = []
        self._story_weights: list[npt.NDArray[np.float32]] = []

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, article: Article) -> None:
        """Index one article (a repeat of an id already indexed only counts as a record)."""
        self.records += 1
        if article.id in self._seen:
            return
        self._seen.add(article.id)
        self._ids.append(article.id)
        self._truncated.append(article.truncated)
        self._moments.append(timestamp(article.published))
        self._outlets.append(
            outlet_of(site_name=article.site_name, url=article.url, publisher=article.publisher)
        )
        self._agencies.append(article.agency)
        self._pending.append(tokens(article.text))
        self._languages.append(article.language)
        if len(self._pending) >= tuning.DEDUP_BATCH_DOCUMENTS:
            self._flush()

    def add_all(self, articles: Iterable[Article]) -> DedupIndex:
        """Index every article of ``articles``; return the index."""
        for article in articles:
            self.add(article)
        return self

    def _flush(self) -> None:
        """Hash, shingle, sign and weigh the pending documents, all at once."""
        if not self._pending:
            return
        documents = len(self._pending)
        counts = np.fromiter(map(len, self._pending), dtype=np.int64, count=documents)
        hashes, lengths = self._hasher.with_lengths(list(chain.from_iterable(self._pending)))
        shingles, owners, positions = batch_shingles(hashes, counts, self.settings.shingle_size)
        self._sizes_parts.append(distinct_counts(shingles, owners, documents))
        full, heads = self._minhash.batch(
            shingles, owners, positions, documents, head=tuning.DEDUP_HEAD_SHINGLES
        )
        self._full.append(full)
        self._heads.append(heads)
        if self.settings.stories:
            word_owners = np.repeat(np.arange(documents, dtype=np.int64), counts)
            terms, weights = self._terms.batch(hashes, lengths, word_owners, self._languages)
            self._story_terms.append(terms)
            self._story_weights.append(weights)
        self._pending, self._languages = [], []

    def build(self) -> DedupResult:
        """Group the indexed documents (see the module's description)."""
        self._flush()
        count = len(self._ids)
        if count == 0:
            return DedupResult({}, documents=0, records=self.records)
        ids = self._ids
        # Rows stay in input order; every choice that could depend on it (the hub of a huge
        # LSH bucket, a group's name) goes by id instead, so the input order changes nothing.
        rank = np.empty(count, dtype=np.int64)
        rank[sorted(range(count), key=ids.__getitem__)] = np.arange(count)
        full = self._joined(self._full)
        heads = self._joined(self._heads)
        sizes = np.concatenate(self._sizes_parts).astype(np.float64)
        self._sizes_parts = [sizes.astype(np.int64)]
        moments = np.array(self._moments, dtype=np.float64)
        truncated, outlets, agencies = self._truncated, self._outlets, self._agencies
        keys = [
            completeness_key(
                truncated=truncated[n], shingles=int(sizes[n]), published=moments[n], id=ids[n]
            )
            for n in range(count)
        ]

        copies, duplicates = self._copy_edges(full, heads, sizes, outlets, rank)
        duplicate_root = components(count, duplicates)
        canonical = _canonical_members(duplicate_root, keys)
        assignments: dict[str, dict[str, object]] = {}
        for node, root in enumerate(duplicate_root):
            if canonical[root] != node:
                assignments.setdefault(ids[node], {})["duplicate_of"] = ids[canonical[root]]

        copy_root = components(count, copies)
        for members in _groups(copy_root, duplicate_root).values():
            group = SyndicationGroup(
                id=ids[min(members, key=keys.__getitem__)],
                agency=group_agency(agencies[m] for m in members),
            )
            for member in members:
                assignments.setdefault(ids[member], {})["syndication_group"] = group

        if self.settings.stories:
            terms = self._joined(self._story_terms)
            weights = self._joined(self._story_weights)
            told = story_pairs(
                terms,
                weights,
                moments,
                threshold=self.settings.story_threshold,
                window_days=self.settings.story_window_days,
            )
            story_root = components(count, [*copies, *((int(a), int(b)) for a, b in told)])
            for members in _groups(story_root, duplicate_root).values():
                story = ids[min(members, key=keys.__getitem__)]
                for member in members:
                    assignments.setdefault(ids[member], {})["story"] = story

        return DedupResult(
            {
                id_: Assignment(
                    duplicate_of=_text_or_none(fields.get("duplicate_of")),
                    syndication_group=_group_or_none(fields.get("syndication_group")),
                    story=_text_or_none(fields.get("story")),
                )
                for id_, fields in assignments.items()
            },
            documents=count,
            records=self.records,
        )

    @staticmethod
    def _joined(parts: list[Any]) -> Any:
        """The parts as one array, kept as the only part (so memory holds it once)."""
        if len(parts) > 1:
            parts[:] = [np.concatenate(parts)]
        return parts[0]

    def _copy_edges(
        self,
        full: npt.NDArray[np.uint32],
        heads: npt.NDArray[np.uint32],
        sizes: npt.NDArray[np.float64],
        outlets: list[str | None],
        rank: npt.NDArray[np.int64],
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        settings = self.settings
        pairs = candidate_pairs(
            full,
            heads,
            rows=settings.band_rows,
            valid=sizes > 0,
            rank=rank,
            max_bucket=tuning.DEDUP_MAX_BUCKET,
        )
        codes = {outlet: n for n, outlet in enumerate(sorted({o for o in outlets if o}))}
        outlet_codes = np.array([codes[o] if o else -1 for o in outlets], dtype=np.int64)
        copies: list[tuple[int, int]] = []
        duplicates: list[tuple[int, int]] = []
        bound = {
            "z": tuning.DEDUP_CONFIDENCE_Z,
            "min_contained": tuning.DEDUP_MIN_CONTAINED_SHINGLES,
        }
        head_sizes = np.minimum(sizes, tuning.DEDUP_HEAD_SHINGLES)
        for start in range(0, len(pairs), _PAIR_CHUNK):
            left, right = pairs[start : start + _PAIR_CHUNK].T
            # The whole bodies, or their heads: a copy cut short is contained in the full text
            # as its head is in the full text's head.
            containment = np.maximum(
                containment_bound(full[left], full[right], sizes[left], sizes[right], **bound),
                containment_bound(
                    heads[left], heads[right], head_sizes[left], head_sizes[right], **bound
                ),
            )
            copy = containment >= settings.syndication_threshold
            same_outlet = (
                (outlet_codes[left] < 0)
                | (outlet_codes[right] < 0)
                | (outlet_codes[left] == outlet_codes[right])
            )
            duplicate = copy & (containment >= settings.duplicate_threshold) & same_outlet
            copies.extend(zip(left[copy].tolist(), right[copy].tolist(), strict=True))
            duplicates.extend(zip(left[duplicate].tolist(), right[duplicate].tolist(), strict=True))
        return copies, duplicates


def _canonical_members(roots: list[int], keys: list[tuple[int, int, float, str]]) -> dict[int, int]:
    best: dict[int, int] = {}
    for node, root in enumerate(roots):
        if root not in best or keys[node] < keys[best[root]]:
            best[root] = node
    return best


def _groups(roots: list[int], duplicate_roots: list[int]) -> dict[int, list[int]]:
    """The components of more than one duplicate group, with their members."""
    members: dict[int, list[int]] = {}
    for node, root in enumerate(roots):
        members.setdefault(root, []).append(node)
    return {
        root: nodes
        for root, nodes in members.items()
        if len(nodes) > 1 and len({duplicate_roots[n] for n in nodes}) > 1
    }


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _group_or_none(value: object) -> SyndicationGroup | None:
    return value if isinstance(value, SyndicationGroup) else None
