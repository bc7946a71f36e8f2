"""Keeping only some languages in a corpus run (``--language de,fr``).

A document whose article is in another language is neither a record nor an error: the run
counts it as *filtered* (:attr:`RunSummary.filtered <newscorpus.corpus.RunSummary.filtered>`)
and goes on. Languages are compared by their primary subtag, case aside (``en-US`` is ``en``);
an article whose language is unknown is kept only when ``und`` is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen

from newscorpus.errors import SettingError

__all__ = ["UNKNOWN_LANGUAGE", "LanguageFilter"]

#: The code (ISO 639 "undetermined") that asks to keep articles whose language is unknown.
UNKNOWN_LANGUAGE = "und"


def _primary(code: str) -> str:
    return code.strip().lower().replace("_", "-").split("-")[0]


def _codes(values: Iterable[str]) -> frozenset[str]:
    codes = frozenset(_primary(value) for value in values if value.strip())
    if not codes:
        raise SettingError("a language filter needs at least one language code")
    return codes


@frozen
class LanguageFilter:
    """The languages a run keeps.

    >>> keep = LanguageFilter.parse("de, FR")
    >>> keep.keeps("de"), keep.keeps("fr-CA"), keep.keeps("en"), keep.keeps(None)
    (True, True, False, False)
    """

    languages: frozenset[str] = field(converter=_codes)

    @classmethod
    def of(cls, languages: LanguageFilter | Iterable[str] | None) -> LanguageFilter | None:
        """The filter a run's ``languages`` argument asks for: a filter, codes, or None (no
        filter).

        >>> LanguageFilter.of(["de"]) == LanguageFilter(["de"]), LanguageFilter.of(None)
        (True, None)
        """
        if languages is None or isinstance(languages, LanguageFilter):
            return languages
        return cls(languages)

    @classmethod
    def parse(cls, text: str) -> LanguageFilter:
        """A filter from a comma-separated list of codes (``"de,fr"``)."""
        return cls(text.split(","))

    def keeps(self, language: str | None) -> bool:
        """Whether an article in ``language`` (``None``: unknown) is kept."""
        if not language or language.startswith("("):  # "(unknown)" in run statistics
            return UNKNOWN_LANGUAGE in self.languages
        return _primary(language) in self.languages
