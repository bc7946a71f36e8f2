"""The user-facing settings of corpus deduplication: :class:`DedupSettings`.

>>> DedupSettings().shingle_size
5
>>> DedupSettings(duplicate_threshold=0.9).duplicate_threshold
0.9
"""

from __future__ import annotations

from typing import Any

import attrs
from attrs import field, frozen, validators

from newscorpus.errors import SettingError

__all__ = ["DEFAULT_DEDUP_SETTINGS", "DedupSettings"]


def _share(_: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise SettingError(f"{attribute.name} must be a number in (0, 1], not {value!r}")


def _positive_int(maximum: int) -> Any:
    return [
        validators.instance_of(int),
        validators.not_(validators.instance_of(bool)),
        validators.ge(1),
        validators.le(maximum),
    ]


@frozen
class DedupSettings:
    """How documents are compared when a corpus is deduplicated.

    * ``shingle_size``: words per shingle (word *n*-gram) of the cleaned body.
    * ``num_perm``: MinHash permutations per signature; ``band_rows``: rows per LSH band
      (``num_perm // band_rows`` bands). Fewer rows find lower similarities, at more cost.
    * ``duplicate_threshold``: two bodies from the same outlet (or of unknown outlet) are
      duplicates when this share of the shorter one's shingles is in the longer one
      (containment: a copy cut at a paywall is a duplicate of the full text).
    * ``syndication_threshold``: the containment above which two bodies are copies of one text
      (a wire story with another intro, outro or cut); copies that are not all duplicates of one
      record form a syndication group.
    * ``stories``: whether to cluster stories; ``story_threshold``: the cosine of weighted
      terms (content words and word pairs) above which two documents tell the same story;
      ``story_window_days``: documents whose ``published`` dates are further apart are never
      one story (a document without a date is compared with all).
    * ``seed``: the seed of the MinHash permutations (results are a pure function of the
      documents and the settings).

    >>> DedupSettings(shingle_size=0)
    Traceback (most recent call last):
    ...
    ValueError: 'shingle_size' must be >= 1: 0
    """

    shingle_size: int = field(default=5, validator=_positive_int(32))
    num_perm: int = field(default=128, validator=_positive_int(1024))
    band_rows: int = field(default=4, validator=_positive_int(64))
    duplicate_threshold: float = field(default=0.8, validator=_share)
    syndication_threshold: float = field(default=0.5, validator=_share)
    stories: bool = field(default=True, validator=validators.instance_of(bool))
    story_threshold: float = field(default=0.42, validator=_share)
    story_window_days: float = field(
        default=7.0, validator=[validators.instance_of(int | float), validators.ge(0)]
    )
    seed: int = field(default=1, validator=[validators.instance_of(int), validators.ge(0)])

    def __attrs_post_init__(self) -> None:
        if self.band_rows > self.num_perm:
            raise SettingError(
                f"band_rows ({self.band_rows}) must not exceed num_perm ({self.num_perm})"
            )
        if self.syndication_threshold > self.duplicate_threshold:
            raise SettingError(
                f"syndication_threshold ({self.syndication_threshold}) must not exceed "
                f"duplicate_threshold ({self.duplicate_threshold})"
            )

    @property
    def bands(self) -> int:
        """The number of LSH bands: ``num_perm // band_rows``.

        >>> DedupSettings().bands
        32
        """
        return self.num_perm // self.band_rows


#: The defaults.
DEFAULT_DEDUP_SETTINGS = DedupSettings()
