"""The draft: drops and edits are recorded under the running step, with reasons and spans."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newscorpus import Draft, DraftBlock, Edit, ParserInfo, Removal

OLD = (
    "Armenia and Azerbaijan agreed to exchange prisoners of war. . The Russian president "
    "then received both leaders in Sochi on Monday, a month after the border clashes."
)
NEW = OLD.replace("war. . The", "war. The")


def draft(*texts: str) -> Draft:
    return Draft(
        blocks=[DraftBlock(index=i, text=text) for i, text in enumerate(texts)],
        parser=ParserInfo("dump", "0.1.0"),
    )


def test_drop_records_text_reason_step_and_code() -> None:
    d = draft("Connect with us", "A paragraph.")
    d.step = "chrome"
    d.drop(d.blocks[0], "follow prompt", "chrome.follow")
    assert d.blocks[0].removal == Removal(
        "Connect with us", reason="follow prompt", step="chrome", code="chrome.follow"
    )
    assert not d.blocks[0].kept
    assert d.blocks[1].kept
    assert d.kept() == [d.blocks[1]]
    assert list(d.iter_kept()) == [d.blocks[1]]


def test_first_reason_stands() -> None:
    d = draft("Share")
    d.step = "chrome"
    d.drop(d.blocks[0], "share prompt", "chrome.share")
    d.step = "zones"
    d.drop(d.blocks[0], "outside the body", "zones.outside")
    assert d.removed() == [Removal("Share", "share prompt", "chrome", "chrome.share")]


def test_without_a_code_the_step_name_is_the_code() -> None:
    d = draft("Share", "War. . Peace.")
    d.step = "mine"
    d.drop(d.blocks[0], "share prompt")
    d.edit(d.blocks[1], "War. Peace.", "doubled full stop")
    assert d.removed()[0].code == "mine"
    assert d.edits[0].code == "mine"


def test_removed_lists_removals_in_reading_order() -> None:
    d = draft("a", "b", "c", "d")
    d.step = "one"
    d.drop(d.blocks[3], "last")
    d.step = "two"
    d.drop(d.blocks[1], "second")
    assert [removal.text for removal in d.removed()] == ["b", "d"]


def test_edit_records_a_small_span_with_context() -> None:
    d = draft(OLD)
    d.step = "debris"
    d.edit(d.blocks[0], NEW, "doubled full stop")
    assert d.blocks[0].text == NEW
    [edit] = d.edits
    assert (edit.reason, edit.step) == ("doubled full stop", "debris")
    assert "prisoners of war. . The Russian" in edit.before
    assert "prisoners of war. The Russian" in edit.after
    assert len(edit.before) < len(OLD) / 2, "the span is not minimal"
    assert OLD.replace(edit.before, edit.after) == NEW


def test_edit_span_is_widened_to_whole_words() -> None:
    d = draft(OLD)
    d.edit(d.blocks[0], NEW, "doubled full stop", context=0)
    [edit] = d.edits
    for span, text in ((edit.before, OLD), (edit.after, NEW)):
        start = text.index(span)
        assert start == 0 or text[start - 1] == " "
        end = start + len(span)
        assert end == len(text) or text[end] == " "


def test_edit_to_the_same_text_records_nothing() -> None:
    d = draft(OLD)
    d.edit(d.blocks[0], OLD, "no change")
    assert d.edits == []
    assert d.blocks[0].text == OLD


def test_edits_accumulate_in_order_under_their_steps() -> None:
    d = draft("war. . The end", "30,000 people. , during")
    d.step = "debris"
    d.edit(d.blocks[0], "war. The end", "doubled full stop")
    d.step = "other"
    d.edit(d.blocks[1], "30,000 people, during", "stray full stop")
    assert [(e.before, e.after, e.step) for e in d.edits] == [
        ("war. . The end", "war. The end", "debris"),
        ("30,000 people. , during", "30,000 people, during", "other"),
    ]


def _replacements(text: str, before: str, after: str) -> set[str]:
    """Every text obtained by replacing one occurrence of ``before`` in ``text`` by ``after``."""
    starts = [i for i in range(len(text) + 1) if text.startswith(before, i)]
    return {text[:i] + after + text[i + len(before) :] for i in starts}


_edit_texts = st.text(alphabet=st.sampled_from("ab .,\n"), max_size=60) | st.text(max_size=60)


@settings(max_examples=300, deadline=None)
@given(old=_edit_texts, new=_edit_texts, context=st.integers(0, 30))
@example(old="a b", new="a  b", context=0)  # a change of whitespace only
@example(old="war. . The", new="war. The", context=0)
def test_edit_span_replays_the_change(old: str, new: str, context: int) -> None:
    """The recorded (before, after) is a real change that turns the old text into the new.

    Replacing some occurrence of ``before`` in the old text by ``after`` gives the new text,
    and the two differ, so a reader can see and undo the repair.
    """
    d = draft(old)
    d.edit(d.blocks[0], new, "test", "parser.test", context=context)
    if old == new:
        assert d.edits == []
        return
    [edit] = d.edits
    assert edit == Edit(edit.before, edit.after, "test", "parser", "parser.test")
    assert edit.before != edit.after
    assert new in _replacements(old, edit.before, edit.after)


def test_an_edit_keeps_links_on_the_text_they_cover() -> None:
    from newscorpus.models import Link

    block = DraftBlock(0, "Read the  report. . here", links=(Link(5, 16, "/r"), Link(20, 24, "/h")))
    draft = Draft([block], ParserInfo("dump", "0.1.0"))
    draft.edit(block, "Read the report. here", "debris")
    assert [block.text[link.start : link.end] for link in block.links] == ["the report", "here"]


def test_an_edit_that_takes_a_links_text_away_takes_the_link() -> None:
    from newscorpus.models import Link

    block = DraftBlock(0, "Story text. Share this", links=(Link(12, 22, "/share"),))
    draft = Draft([block], ParserInfo("dump", "0.1.0"))
    draft.edit(block, "Story text.", "tail")
    assert block.links == ()


def test_an_edit_of_a_table_keeps_its_rows_in_step() -> None:
    from newscorpus.models import TableRow

    rows = (TableRow(("Team", "Pts"), header=True), TableRow(("Lions ,", "12")))
    block = DraftBlock(0, "Team\tPts\nLions ,\t12", kind="table", rows=rows)
    draft = Draft([block], ParserInfo("dump", "0.1.0"))
    draft.edit(block, "Team\tPts\nLions,\t12", "space before comma")
    assert block.rows == (TableRow(("Team", "Pts"), header=True), TableRow(("Lions,", "12")))


@st.composite
def _linked_edits(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]], str]:
    text = draw(st.text(min_size=1, max_size=40))
    spans = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        start = draw(st.integers(min_value=0, max_value=len(text) - 1))
        spans.append((start, draw(st.integers(min_value=start + 1, max_value=len(text)))))
    return text, spans, draw(st.text(max_size=40))


@settings(max_examples=300, deadline=None)
@given(_linked_edits())
def test_links_stay_within_the_text_through_any_edit(
    edit: tuple[str, list[tuple[int, int]], str],
) -> None:
    from newscorpus.models import Block, Link

    text, spans, new_text = edit
    block = DraftBlock(0, text, links=tuple(Link(a, b, "/x") for a, b in spans))
    draft = Draft([block], ParserInfo("dump", "0.1.0"))
    draft.edit(block, new_text, "any")
    assert all(0 <= link.start < link.end <= len(new_text) for link in block.links)
    Block("paragraph", block.text, links=block.links)  # the article's validators agree
    unchanged = [link for link in block.links if link.href == "/x"]
    assert len(unchanged) <= len(spans)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet="ab .", min_size=1, max_size=30),
    st.data(),
    st.text(alphabet="xy-", min_size=1, max_size=10),
)
def test_an_edit_elsewhere_leaves_a_links_text_as_it_was(
    text: str, data: st.DataObject, added: str
) -> None:
    """Text put around the block (of other characters: otherwise where it went is ambiguous,
    "001" -> "00010") leaves every link on its own characters."""
    from newscorpus.models import Link

    start = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
    end = data.draw(st.integers(min_value=start + 1, max_value=len(text)))
    block = DraftBlock(0, text, links=(Link(start, end, "/x"),))
    Draft([block], ParserInfo("dump", "0.1.0")).edit(block, added + text + added, "padded")
    assert [block.text[link.start : link.end] for link in block.links] == [text[start:end]]
