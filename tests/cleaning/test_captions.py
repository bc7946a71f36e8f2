"""Step ``captions``: picture captions and credits go to the media list."""

from __future__ import annotations

from newscorpus import DraftBlock, Media
from newscorpus.cleaning.steps import Captions
from tests.cleaning.drafts import PROSE, draft, kept, removed, run


def test_a_caption_ending_in_its_credit() -> None:
    line = "A ferry leaves the southern harbour - Copyright AFP Lena Marsh"
    done = run(Captions(), draft(PROSE[0], line))
    assert removed(done) == [(line, "captions.with-credit")]
    assert done.media == [Media("A ferry leaves the southern harbour", "AFP Lena Marsh")]


def test_a_credit_line_after_its_caption() -> None:
    caption = DraftBlock(0, "Workers repair the landing stage")
    credit = DraftBlock(0, "Photo: Daniel Okafor/Reuters", blank_before=False)
    done = run(Captions(), draft(PROSE[0], caption, credit))
    assert removed(done) == [
        ("Workers repair the landing stage", "captions.caption"),
        ("Photo: Daniel Okafor/Reuters", "captions.credit"),
    ]
    assert done.media == [Media("Workers repair the landing stage", "Daniel Okafor/Reuters")]


def test_a_labelled_caption_and_a_lone_credit() -> None:
    long = " ".join(PROSE)  # too long to be the credit's caption
    done = run(Captions(), draft(long, "Photo: AP", "Image caption Crowds in the square"))
    assert removed(done) == [
        ("Photo: AP", "captions.credit"),
        ("Image caption Crowds in the square", "captions.labelled"),
    ]
    assert done.media == [Media("Crowds in the square", "AP")]
    assert kept(done) == [long]


def test_a_paragraph_that_mentions_a_photo_stays() -> None:
    line = "The photo, taken by AFP in 2019, shows " + PROSE[1]
    assert removed(run(Captions(), draft(line))) == []


def test_the_longest_credit_is_a_setting() -> None:
    line = "A ferry leaves the southern harbour - Copyright AFP Lena Marsh"
    assert removed(run(Captions(credit_max_words=2), draft(line))) == []
