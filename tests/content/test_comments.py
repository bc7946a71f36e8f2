"""Comments as content: off by default; with comments=True kept apart from the body."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import newscorpus
from newscorpus.cli.main import main

PAGE = """<html><body><article><h1>Council puts off the vote</h1>
<p>The council met on Monday evening to vote on the budget for the coming year, and the vote
was put off until the spring.</p>
<p>Members argued for three hours about the cost of the new bridge over the river, and about
who would pay for it in the end.</p></article>
<section id="comments" class="comments-area"><h2>3 comments</h2><ol class="comment-list">
<li class="comment"><div class="comment-author">Jane Miller</div>
<time class="comment-date">March 3, 2024 at 5:04 pm</time>
<p>About time they looked at the cost of that bridge properly, it has been years.</p>
<a class="comment-reply-link">Reply</a></li>
<li class="comment"><div class="comment-author">Tom Baker</div>
<time class="comment-date">March 4, 2024 at 9:12 am</time>
<p>The harbour needs the money more than the bridge does, if you ask me.</p>
<p>And the schools too.</p></li></ol></section></body></html>"""

DUMP = """Council puts off the vote

The council met on Monday evening to vote on the budget for the coming year, and the vote was
put off until the spring, when it will meet again to decide.

Members argued for three hours about the cost of the new bridge over the river, and about who
would pay for it in the end, and about the harbour.

Leave a Reply

Jane Miller says:
March 3, 2024 at 5:04 pm
About time they looked at the cost of that bridge properly, it has been years.
Reply

Tom Baker says:
March 4, 2024 at 9:12 am
The harbour needs the money more than the bridge does, if you ask me.
Reply
"""


def test_comments_are_off_by_default() -> None:
    assert newscorpus.parse(PAGE, format="html").comments == ()


def test_html_comments_are_kept_apart_with_author_and_date() -> None:
    article = newscorpus.parse(PAGE, format="html", comments=True)
    assert article.text == newscorpus.parse(PAGE, format="html").text
    assert "bridge properly" not in article.text
    assert [(c.author, c.published, c.text) for c in article.comments] == [
        (
            "Jane Miller",
            dt.datetime(2024, 3, 3, 17, 4),
            "About time they looked at the cost of that bridge properly, it has been years.",
        ),
        (
            "Tom Baker",
            dt.datetime(2024, 3, 4, 9, 12),
            "The harbour needs the money more than the bridge does, if you ask me.\n\n"
            "And the schools too.",
        ),
    ]


def test_dump_comments_are_kept_apart_with_author_and_date() -> None:
    article = newscorpus.parse(DUMP, format="dump", comments=True)
    assert "harbour needs" not in article.text
    assert [(c.author, c.published) for c in article.comments] == [
        ("Jane Miller", dt.datetime(2024, 3, 3, 17, 4)),
        ("Tom Baker", dt.datetime(2024, 3, 4, 9, 12)),
    ]


def test_comments_round_trip_through_the_record() -> None:
    article = newscorpus.parse(PAGE, format="html", comments=True)
    assert newscorpus.from_dict(article.to_dict()) == article


def test_the_cli_keeps_comments_with_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["parse", str(page)]) == 0
    assert json.loads(capsys.readouterr().out)["comments"] == []
    assert main(["parse", "--comments", str(page)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [comment["author"] for comment in record["comments"]] == ["Jane Miller", "Tom Baker"]
