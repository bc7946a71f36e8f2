"""The contract of issue #2, as properties over generated input and over the seeds.

* ``parse`` returns an :class:`Article` for any ``str`` and any ``bytes``.
* Nothing is lost, nothing is invented, order is kept (see :func:`assert_accounted_for`).
* Parsing an article's own text again removes nothing of it.
* The JSON record round-trips every article exactly, through ``json`` too.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain, islice
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newscorpus
from newscorpus import Article, Edit, from_dict, to_dict
from newscorpus.cleaning.steps.normalize import normalize_text
from newscorpus.corpus.readers import open_document
from tests.strategies import articles, dumps

_WORD_CHARACTER = re.compile(r"[^\W_]")

#: Generated inputs are small; the seeds are the test of scale.
_PARSE_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def letters(text: str) -> str:
    """The word characters of ``text`` (letters and digits of any script), in order.

    These are what parsing must keep. Word *tokens* are not: the parser rightly joins lines
    without a space in scripts written without spaces (``ぁ`` + ``ぁ``) and after a drop cap
    (``H`` + ``ong Kong``), which merges two ``\\w+`` tokens into one; and spaces,
    punctuation, underscores and combining marks are layout or markup it may take off.
    """
    return "".join(_WORD_CHARACTER.findall(text))


def input_letters(text: str) -> str:
    """The word characters of every input line, normalised the way the library normalises text.

    Lines are normalised one by one (``normalize_text`` composes characters to NFC, which
    changes what counts as a letter) and split where ``str.splitlines`` splits, which are the
    line breaks the dump parser knows.
    """
    return "".join(letters(normalize_text(line)) for line in text.splitlines())


def _occurrences(text: str, span: str) -> list[int]:
    if not span:  # an edit that emptied its text can only be undone where a text is empty
        return [0] if not text else []
    return [i for i in range(len(text) - len(span) + 1) if text.startswith(span, i)]


def undone(texts: Sequence[str], edits: Sequence[Edit]) -> Iterator[list[str]]:
    """Every way of undoing the recorded edits in ``texts``, latest edit first.

    An edit is undone by putting its ``before`` span back in place of one occurrence of its
    ``after`` span. The same span can occur in several places (two nearby repairs share their
    context), so every choice is tried, lazily.
    """
    if not edits:
        yield list(texts)
        return
    *earlier, edit = edits
    for i, text in enumerate(texts):
        for start in _occurrences(text, edit.after):
            restored = text[:start] + edit.before + text[start + len(edit.after) :]
            yield from undone([*texts[:i], restored, *texts[i + 1 :]], earlier)


def is_subsequence(needle: str, haystack: str) -> bool:
    remaining = iter(haystack)
    return all(any(token == candidate for candidate in remaining) for token in needle)


def interleaves(body: Sequence[str], removed: Sequence[str], source: str) -> bool:
    """Whether some interleaving of the body's and the removed entries' runs, each kept in its
    own order, spells ``source`` exactly."""
    body_starts = [0]
    for run in body:
        body_starts.append(body_starts[-1] + len(run))
    removed_starts = [0]
    for run in removed:
        removed_starts.append(removed_starts[-1] + len(run))
    if body_starts[-1] + removed_starts[-1] != len(source):
        return False
    reachable = [[False] * (len(removed) + 1) for _ in range(len(body) + 1)]
    reachable[0][0] = True
    for i in range(len(body) + 1):
        for j in range(len(removed) + 1):
            if not reachable[i][j]:
                continue
            position = body_starts[i] + removed_starts[j]
            if i < len(body) and source.startswith(body[i], position):
                reachable[i + 1][j] = True
            if j < len(removed) and source.startswith(removed[j], position):
                reachable[i][j + 1] = True
    return reachable[len(body)][len(removed)]


def assert_accounted_for(article: Article, text: str) -> None:
    """Every word character of the input is in the body or in ``removed``, once, in order.

    The formulation, on the word characters (see :func:`letters`) of the library-normalised
    input lines, so that joining wrapped lines or broken sentences, and repairing
    punctuation, change nothing:

    1. Nothing lost, nothing invented, edits included: as multisets,
       ``body + removed + Σ edit.before == input + Σ edit.after``. A repair that changes
       letters is allowed exactly when it is recorded in ``edits``.
    2. Every recorded edit is visible: undoing the edits (latest first, putting ``before``
       back in place of an occurrence of ``after`` in the body or removed texts) is possible.
    3. Order kept, exactly: for some way of undoing the edits, the input's letters are an
       interleaving of whole body blocks and whole removed entries, each kept in its own
       order (every input block is kept or removed as one unit, where it was). The
       subsequence checks before it only make a failure easier to read.
    """
    expected = input_letters(text)
    body = [block.text for block in article.blocks]
    removed = [removal.text for removal in article.removed]
    output = Counter(letters("".join(body + removed)))
    for edit in article.edits:
        output.update(letters(edit.before))
        output.subtract(letters(edit.after))
    lost, invented = Counter(expected) - output, output - Counter(expected)
    assert not lost, f"lost {dict(lost)}"
    assert not invented, f"invented {dict(invented)}"

    versions = islice(undone(body + removed, article.edits), 1000)
    first = next(versions, None)
    assert first is not None, f"some recorded edit is not in the output: {article.edits}"
    failures = []
    for version in chain([first], versions):
        body_runs = [letters(t) for t in version[: len(body)]]
        removed_runs = [letters(t) for t in version[len(body) :]]
        if interleaves(body_runs, removed_runs, expected):
            return
        failures.append((body_runs, removed_runs))
    body_runs, removed_runs = failures[0]
    assert is_subsequence("".join(body_runs), expected), "the body is out of input order"
    assert is_subsequence("".join(removed_runs), expected), "removed is out of input order"
    raise AssertionError("body blocks and removed entries do not interleave into the input")


def assert_idempotent(article: Article) -> None:
    """Parsing the article's text again keeps every word character of it, in order."""
    again = newscorpus.parse(article.text)
    assert letters(again.text) == letters(article.text), (
        f"re-parsing removed {[(r.text, r.step, r.reason) for r in again.removed]}"
    )


# --- parse accepts anything --------------------------------------------------------------------


@_PARSE_SETTINGS
@given(st.text())
def test_parse_returns_an_article_for_any_str(text: str) -> None:
    assert isinstance(newscorpus.parse(text), Article)


@_PARSE_SETTINGS
@given(st.binary())
@example(b"\xff\xfe\x00")  # a UTF-16 BOM before a lone byte
@example(b"\xef\xbb\xbf")  # a bare UTF-8 BOM
def test_parse_returns_an_article_for_any_bytes(payload: bytes) -> None:
    # or refuses them with a typed error: not text, a container, broken compressed data
    with contextlib.suppress(newscorpus.InputError):
        assert isinstance(newscorpus.parse(payload), Article)


@_PARSE_SETTINGS
@given(dumps())
def test_parse_returns_an_article_for_any_dump(text: str) -> None:
    assert isinstance(newscorpus.parse(text), Article)


# --- nothing lost, nothing invented, order kept ------------------------------------------------


@_PARSE_SETTINGS
@given(st.text())
@example("[](0)")  # a Markdown link without text: its target's letters go, with an edit
@example("[ ](0)")
def test_every_letter_of_any_str_is_accounted_for(text: str) -> None:
    assert_accounted_for(newscorpus.parse(text), text)


@_PARSE_SETTINGS
@given(dumps())
@example(  # two repairs close together: their recorded spans overlap
    "Talks talks talks talks. Talks talks talks talks. Talks. . Talks talks talks. "
    "Talks. . Talks talks talks.\n"
)
def test_every_letter_of_a_dump_is_accounted_for(text: str) -> None:
    assert_accounted_for(newscorpus.parse(text), text)


@_PARSE_SETTINGS
@given(st.binary())
def test_every_letter_of_any_bytes_is_accounted_for(payload: bytes) -> None:
    with contextlib.suppress(newscorpus.InputError):  # not text, a container...
        # the text of the document parse() opens: compressed bytes are decompressed first
        opened = open_document(io.BytesIO(payload), "", source="<bytes>")
        assert_accounted_for(newscorpus.parse(payload), opened.text)


def test_every_letter_of_a_seed_is_accounted_for(seed_path: Path, seed_text: str) -> None:
    assert_accounted_for(newscorpus.parse(seed_path), seed_text)


# --- idempotence -------------------------------------------------------------------------------


@_PARSE_SETTINGS
@given(dumps())
def test_parsing_a_dumps_article_text_again_removes_nothing(text: str) -> None:
    assert_idempotent(newscorpus.parse(text))


def test_parsing_a_seeds_article_text_again_removes_nothing(seed_path: Path) -> None:
    assert_idempotent(newscorpus.parse(seed_path))


# --- the JSON record ---------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(articles)
def test_record_round_trips_every_article(article: Article) -> None:
    record = to_dict(article)
    back = from_dict(record)
    assert back == article
    assert type(back.published) is type(article.published)
    assert to_dict(back) == record


@settings(max_examples=200, deadline=None)
@given(articles)
def test_record_round_trips_through_json(article: Article) -> None:
    serialised = json.dumps(to_dict(article))
    back = from_dict(json.loads(serialised))
    assert back == article
    assert type(back.published) is type(article.published)
    assert json.dumps(to_dict(back)) == serialised
    assert from_dict(json.loads(json.dumps(to_dict(article), ensure_ascii=False))) == article


# --- the helpers themselves --------------------------------------------------------------------


def test_interleaves_accepts_only_whole_runs_in_order() -> None:
    assert interleaves(["ab", "e"], ["cd"], "abcde")
    assert interleaves(["ab", "", "e"], ["", "cd"], "abcde")
    assert not interleaves(["ab", "e"], ["dc"], "abcde")
    assert not interleaves(["e", "ab"], ["cd"], "abcde")
    assert not interleaves(["ab"], ["cd"], "abcde")
    assert not interleaves(["ac"], ["bde"], "abcde")


def test_accounting_catches_a_lost_an_invented_and_a_moved_word() -> None:
    parser = newscorpus.ParserInfo("dump", "0")
    text = "One two.\nThree four.\n"
    kept = (newscorpus.Block("paragraph", "One two."), newscorpus.Block("paragraph", "Three four."))
    assert_accounted_for(Article(id="x", blocks=kept, parser=parser), text)
    for blocks in (kept[:1], (*kept, newscorpus.Block("paragraph", "Five.")), kept[::-1]):
        try:
            assert_accounted_for(Article(id="x", blocks=blocks, parser=parser), text)
        except AssertionError:
            continue
        raise AssertionError(f"{blocks} was accepted for {text!r}")


def test_accounting_undoes_recorded_edits() -> None:
    parser = newscorpus.ParserInfo("dump", "0")
    text = "Le café est cher.\n"
    repaired = Article(
        id="x",
        blocks=(newscorpus.Block("paragraph", "Le cafe est cher."),),
        parser=parser,
        edits=(Edit("Le café est", "Le cafe est", reason="test", step="test"),),
    )
    assert_accounted_for(repaired, text)
