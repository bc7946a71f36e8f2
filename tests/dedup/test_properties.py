"""Properties of deduplication over random small corpora of copies and unrelated texts."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus import Article, deduplicate
from tests.dedup.helpers import article, text_of

SITES = ("A", "B", "C", None)


@st.composite
def corpora(draw: st.DrawFn) -> list[Article]:
    """A few texts, each published a few times: whole, cut, with another intro or chrome,
    edited, on one or more sites (some unknown), some crediting an agency."""
    documents: list[Article] = []
    for text in range(draw(st.integers(1, 4))):
        body = text_of(draw(st.integers(0, 30)) * 10 + text, paragraphs=6, words=30)
        for copy in range(draw(st.integers(1, 4))):
            variant = draw(st.sampled_from(["whole", "cut", "intro", "chrome", "edit"]))
            paragraphs = {
                "whole": body,
                "cut": body[: draw(st.integers(2, 5))],
                "intro": [*text_of(1000 + copy, paragraphs=1, words=30), *body[1:]],
                "chrome": ["Sign up for our newsletter", *body],
                "edit": [body[0] + " indeed", *body[1:]],
            }[variant]
            documents.append(
                article(
                    paragraphs,
                    site=draw(st.sampled_from(SITES)),
                    url=f"https://x.example/{text}/{copy}",
                    agency=draw(st.sampled_from([None, None, "AFP", "Reuters"])),
                    truncated=variant == "cut",
                )
            )
    return documents


def fields(articles: list[Article]) -> dict[str, tuple[object, object, object]]:
    return {a.id: (a.duplicate_of, a.syndication_group, a.story) for a in articles}


common = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@common
@given(corpora())
def test_a_document_is_never_its_own_duplicate(corpus: list[Article]) -> None:
    out = deduplicate(corpus + corpus[:1])  # a repeated record too
    ids = {a.id for a in out}
    for a in out:
        assert a.duplicate_of != a.id
        assert a.duplicate_of is None or a.duplicate_of in ids
    canonicals = {a.duplicate_of for a in out if a.duplicate_of}
    assert all(next(b for b in out if b.id == c).duplicate_of is None for c in canonicals)


@common
@given(corpora(), st.randoms(use_true_random=False))
def test_the_result_is_stable_under_reordering(corpus: list[Article], rng: object) -> None:
    shuffled = list(corpus)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert fields(deduplicate(shuffled)) == fields(deduplicate(corpus))


@common
@given(corpora(), st.integers(0, 10**6), st.integers(0, 100))
def test_adding_an_unrelated_document_changes_no_existing_group(
    corpus: list[Article], seed: int, where: int
) -> None:
    before = fields(deduplicate(corpus))
    unrelated = article(text_of(seed, paragraphs=5, words=30, vocabulary="zq"), site="Z")
    grown = list(corpus)
    grown.insert(where % (len(grown) + 1), unrelated)
    after = fields(deduplicate(grown))
    assert after.pop(unrelated.id) == (None, None, None)
    assert after == before
