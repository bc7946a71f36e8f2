"""Paywall notices count only where the article stops (#13 item 4): position, wording, and the
share of the prose after the notice."""

from __future__ import annotations

import newscorpus

STORY = (
    "The council met on Monday evening to vote on the budget for the coming year, and the "
    "members argued for hours about the library and the roads before they agreed.\n\n"
    "The mayor said that the town would borrow less than it had planned, because the taxes "
    "from the new businesses on the river had come in higher than anyone had expected.\n\n"
    "Residents who came to the meeting said they were pleased with the result, though some "
    "of them worried that the repairs to the bridge would be delayed once again this year.\n"
)


def test_a_footer_invitation_after_a_whole_article_marks_nothing() -> None:
    for prompt in ("Become a Subscriber", "Already a subscriber? Log in", "Déjà abonné ?"):
        article = newscorpus.parse(f"{STORY}\n{prompt}\n\nContact us\n")
        assert not article.truncated, prompt
        assert article.paywall is None
        assert any(
            removal.text == prompt and "does not stop here" in removal.reason
            for removal in article.removed
        )


def test_a_footer_notice_in_a_nav_element_marks_nothing() -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in STORY.split("\n\n"))
    page = (
        f"<html><body><article>{paragraphs}</article>"
        "<nav><a href='/s'>Subscribe to continue reading</a></nav></body></html>"
    )
    assert not newscorpus.parse(page).truncated


def test_a_notice_where_the_text_stops_marks_the_article_truncated() -> None:
    first = STORY.split("\n\n", maxsplit=1)[0]
    article = newscorpus.parse(f"{first}\n\nSubscribe to continue reading\n\nContact us\n")
    assert article.truncated
    assert article.paywall is not None
    assert article.paywall.notice == "Subscribe to continue reading"


def test_a_label_above_the_whole_text_is_not_where_it_stops() -> None:
    article = newscorpus.parse(f"Intro line of the page.\n\nSubscribers only\n\n{STORY}")
    assert not article.truncated


def test_the_notice_that_counts_is_the_one_where_the_text_stops() -> None:
    paragraphs = STORY.split("\n\n")
    text = (
        f"{paragraphs[0]}\n\nArticle réservé aux abonnés\n\n{paragraphs[1]}\n\n{paragraphs[2]}\n\n"
        "Il vous reste 57% de cet article à lire. La suite est réservée aux abonnés.\n"
    )
    article = newscorpus.parse(text)
    assert article.truncated
    assert article.paywall is not None
    assert article.paywall.remaining_fraction == 0.57
