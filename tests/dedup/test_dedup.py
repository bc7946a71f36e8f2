"""Deduplication of articles: duplicates, the canonical rule, syndication, nothing else changed."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import newscorpus
from newscorpus import Article, DedupSettings, SyndicationGroup, deduplicate, find_duplicates
from newscorpus.dedup.shingles import tokens
from tests.dedup.helpers import article, text_of

BODY = text_of(1)


def by_id(articles: list[Article]) -> dict[str, Article]:
    return {a.id: a for a in articles}


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(["Sign up for our newsletter", *BODY, "Share this article"], id="chrome"),
        pytest.param([p.replace(" ", "  ").upper() + "." for p in BODY], id="whitespace-case"),
        pytest.param([BODY[0].replace("w", "x", 2), *BODY[1:4], *BODY[5:]], id="small-edits"),
        pytest.param(BODY[:3], id="truncated"),
    ],
)
def test_a_near_copy_on_the_same_site_is_a_duplicate_of_the_full_text(variant: list[str]) -> None:
    original = article(BODY, url="https://a.example/1")
    copy = article(variant, url="https://a.example/1?amp", truncated=len(variant) < len(BODY))
    out = by_id(deduplicate([copy, original]))
    # One is the duplicate of the other; which one follows the completeness order (a copy with
    # chrome left in has more text; equal bodies fall to the smaller id).
    pair = {out[copy.id].duplicate_of, out[original.id].duplicate_of}
    assert pair in ({None, original.id}, {None, copy.id})
    if copy.truncated or len(tokens(copy.text)) < len(tokens(original.text)):
        assert out[copy.id].duplicate_of == original.id
    assert out[copy.id].syndication_group is None  # one outlet: no syndication


def test_different_texts_on_one_site_are_not_duplicates() -> None:
    out = deduplicate([article(text_of(1)), article(text_of(2))])
    assert [a.duplicate_of for a in out] == [None, None]
    assert [a.syndication_group for a in out] == [None, None]


def test_the_canonical_record_is_the_most_complete_then_the_earliest() -> None:
    day = dt.date(2024, 3, 1)
    late = article(BODY, url="https://a.example/late", published=day + dt.timedelta(days=1))
    early = article(BODY, url="https://a.example/early", published=day)
    cut = article(BODY[:4], url="https://a.example/cut", truncated=True, published=day)
    out = by_id(deduplicate([late, cut, early]))
    assert out[early.id].duplicate_of is None
    assert out[late.id].duplicate_of == early.id
    assert out[cut.id].duplicate_of == early.id


def test_a_longer_body_is_canonical_even_when_later() -> None:
    short = article(BODY[:6], url="https://a.example/s", published=dt.date(2024, 1, 1))
    full = article(BODY, url="https://a.example/f", published=dt.date(2024, 1, 5))
    out = by_id(deduplicate([short, full]))
    assert out[short.id].duplicate_of == full.id


def test_syndicated_copies_on_other_sites_share_a_group_that_names_the_agency() -> None:
    intro = text_of(50, paragraphs=1)
    wire = article(BODY, site="Wire Site", url="https://wire.example/1")
    other_intro = article([*intro, *BODY[1:]], site="Daily", url="https://daily.example/2")
    cut = article(BODY[:5], site="Herald", url="https://herald.example/3", agency="AFP")
    no_outro = article(BODY[:-1], site="Post", url="https://post.example/4")
    unrelated = article(text_of(9), site="Post", url="https://post.example/5")
    out = by_id(deduplicate([wire, other_intro, cut, no_outro, unrelated]))
    group = SyndicationGroup(id=wire.id, agency="AFP")
    for copy in (wire, other_intro, cut, no_outro):
        assert out[copy.id].syndication_group == group
        assert out[copy.id].duplicate_of is None  # different outlets: not duplicates
    assert out[unrelated.id].syndication_group is None


def test_a_group_without_any_credit_has_no_agency() -> None:
    one = article(BODY, site="A")
    two = article(BODY[1:], site="B")
    out = deduplicate([one, two])
    assert out[0].syndication_group == SyndicationGroup(id=one.id, agency=None)


def test_duplicates_within_a_syndication_group_keep_both_fields() -> None:
    first = article(BODY, site="A", url="https://a.example/1")
    again = article(BODY, site="A", url="https://a.example/1?utm=x")
    other = article(BODY[1:], site="B", url="https://b.example/1")
    out = by_id(deduplicate([first, again, other]))
    # Same body, same outlet: one is the duplicate of the other (the smaller id wins the tie).
    canonical, duplicate = sorted([first.id, again.id])
    assert out[canonical].duplicate_of is None
    assert out[duplicate].duplicate_of == canonical
    assert out[other.id].duplicate_of is None
    assert len({out[i].syndication_group for i in out}) == 1
    assert out[other.id].syndication_group is not None


def test_a_repeated_id_is_the_same_document_never_its_own_duplicate() -> None:
    one = article(BODY)
    out = deduplicate([one, one, one])
    assert [a.duplicate_of for a in out] == [None, None, None]
    result = find_duplicates([one, one])
    assert (result.documents, result.records) == (1, 2)


def test_only_the_three_fields_change() -> None:
    original = article(BODY, url="https://a.example/1", published=dt.date(2024, 1, 1))
    copy = article(BODY[:4], url="https://a.example/2", truncated=True)
    for before, after in zip([original, copy], deduplicate([original, copy]), strict=True):
        changed = {
            f.name
            for f in attrs.fields(Article)
            if getattr(before, f.name) != getattr(after, f.name)
        }
        assert changed <= {"duplicate_of", "syndication_group", "story"}
    assert deduplicate([copy, original])[0].duplicate_of == original.id


def test_empty_bodies_are_never_duplicates() -> None:
    out = deduplicate([article([], url="https://a/1"), article([], url="https://a/2")])
    assert [a.duplicate_of for a in out] == [None, None]


def test_a_two_pass_stream_gives_what_the_in_memory_call_gives() -> None:
    articles = [article(BODY, site="A"), article(BODY[:5], site="B"), article(text_of(3))]
    result = find_duplicates(iter(articles))
    assert list(result.annotate(iter(articles))) == deduplicate(articles)
    assert result.syndication_groups == 1
    assert result.duplicates == 0


def test_thresholds_are_settings() -> None:
    copy = article(BODY[:3], url="https://a/c", truncated=True)
    full = article(BODY, url="https://a/f")
    assert deduplicate([copy, full])[0].duplicate_of == full.id
    # Jaccard-like strictness is not containment: a third of the text is not the text.
    strict = DedupSettings(duplicate_threshold=1.0, syndication_threshold=1.0, num_perm=256)
    edited = article([BODY[0] + " extra words here now", *BODY[1:]], url="https://a/e")
    assert deduplicate([edited, full], strict)[0].duplicate_of is None


def test_the_api_is_exported() -> None:
    assert newscorpus.deduplicate is deduplicate
    assert newscorpus.DedupSettings is DedupSettings
