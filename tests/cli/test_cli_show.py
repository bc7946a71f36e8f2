"""``newscorpus show``: the article, its metadata, media, edits and removed lines."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from rich.console import Console

import newscorpus
from newscorpus import Article, Block, Edit, Media, ParserInfo, Paywall, Removal
from newscorpus.cli.main import main
from newscorpus.cli.render import article_view

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "dumps" / "004_48119200e213f71d.txt"

ARTICLE = Article(
    id="0123456789abcdef",
    source="page.txt",
    format="dump",
    title="Armenia and Azerbaijan agreed not to use force",
    site_name="The America One News",
    publisher="Le Monde",
    agency="AFP",
    authors=("Ann Writer", "Bo Reporter"),
    published=dt.date(2023, 12, 10),
    language="en",
    blocks=(
        Block("paragraph", "After their summit, the two [bold]countries[/bold] vowed peace."),
        Block("heading", "Stalled talks"),
        Block("quote", "A very useful meeting."),
        Block("list_item", "Prisoners released"),
        Block("list_item", "Border talks resumed"),
    ),
    media=(Media("A military parade in November 2023", credit="AFP Menahem KAHANA"),),
    truncated=True,
    paywall=Paywall("You have 45% of this article left to read.", remaining_fraction=0.45),
    removed=(
        Removal("Sponsor: QWIKET", reason="advertising line", step="chrome"),
        Removal("\u200b", reason="nothing left", step="normalize"),
    ),
    edits=(Edit("war. . The", "war. The", reason="doubled full stop", step="debris"),),
    parser=ParserInfo("dump", "0.1.0"),
)


@pytest.fixture
def known_article(monkeypatch: pytest.MonkeyPatch) -> Article:
    """Make ``newscorpus.parse`` return ARTICLE, whatever the cleaning steps do today."""
    monkeypatch.setattr(newscorpus, "parse", lambda *args, **kwargs: ARTICLE)
    return ARTICLE


def test_show_prints_title_metadata_body_media_edits_and_removed(
    known_article: Article, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", "page.txt"]) == 0
    out = capsys.readouterr().out
    for expected in (
        "Armenia and Azerbaijan agreed not to use force",
        "The America One News",
        "Le Monde",
        "AFP",
        "Ann Writer, Bo Reporter",
        "2023-12-10",
        "45% hidden",
        "[bold]countries[/bold]",  # page text is never read as markup
        "• Prisoners released",
        "A military parade in November 2023",
        "AFP Menahem KAHANA",
        "war. . The → war. The",
        "[debris: doubled full stop]",
        "Sponsor: QWIKET",
        "[chrome: advertising line]",
        "'\\u200b'",  # an invisible removal is shown escaped
    ):
        assert expected in out, expected
    assert "\x1b[" not in out  # not a terminal: no escape codes
    assert all(line == line.rstrip() for line in out.splitlines())
    assert out.index("Stalled talks") < out.index("Sponsor: QWIKET")


def test_quote_is_indented(known_article: Article, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "page.txt"]) == 0
    assert "    A very useful meeting." in capsys.readouterr().out.splitlines()


def test_removed_lines_are_dim_and_headings_bold_on_a_terminal() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=100)
    console.print(article_view(ARTICLE))
    out = buffer.getvalue()
    assert "\x1b[2mSponsor: QWIKET" in out
    assert "\x1b[1mStalled talks" in out


def test_show_a_real_dump(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out
    assert "Removed (" in out
    assert "Vladimir Putin" in out


def test_show_missing_file_exits_1_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["show", str(tmp_path / "missing.txt")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "SourceNotFoundError" in err
    assert "Traceback" not in err
