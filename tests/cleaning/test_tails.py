"""Step ``tails``: related teasers, author bios and comments after the article."""

from __future__ import annotations

from newscorpus.cleaning.steps import Tails
from tests.cleaning.drafts import PROSE, draft, kept, removed, run

RESUMED = " ".join(PROSE)  # a long paragraph: the article goes on


def test_related_content_runs_until_the_article_resumes() -> None:
    done = run(Tails(), draft(*PROSE, "You may also like:", "Teaser one", "Teaser two", RESUMED))
    assert removed(done) == [
        ("You may also like:", "tails.related"),
        ("Teaser one", "tails.related"),
        ("Teaser two", "tails.related"),
    ]
    assert kept(done)[-1] == RESUMED


def test_comments_run_to_the_end_of_the_page() -> None:
    done = run(Tails(), draft(*PROSE, "Leave a Reply", "jane says:", RESUMED))
    assert [code for _, code in removed(done)] == ["tails.comments"] * 3
    assert kept(done) == list(PROSE)


def test_an_author_bio_goes_with_its_first_paragraph() -> None:
    bio = "Jane Doe covers the town council and its markets for the paper."
    done = run(Tails(), draft(*PROSE, "About the author", bio))
    assert removed(done) == [("About the author", "tails.bio"), (bio, "tails.bio")]


def test_a_marker_above_the_article_opens_nothing() -> None:
    done = run(Tails(), draft("Leave a Reply", *PROSE))
    assert removed(done) == []


def test_the_prose_needed_before_a_tail_is_a_setting() -> None:
    text = draft(*PROSE, "You may also like:", "Teaser one")
    assert removed(run(Tails(min_words_before=1000), text)) == []
