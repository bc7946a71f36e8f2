"""Block features: how a line ends."""

from __future__ import annotations

import pytest

from newscorpus.cleaning.features import features


@pytest.mark.parametrize(
    "text",
    [
        "The bridge opens in the spring.",
        "“The bridge opens in the spring.”[3]",
        "Die Brücke wird im Frühjahr eröffnet. (bsc)",
        "Die Brücke wird im Frühjahr eröffnet. (jk/dpa)",
        "新桥将于明年春天开通。（编译/张三）",
    ],
)
def test_a_sentence_ends_with_its_mark_a_footnote_or_an_editor_s_sign_off(text: str) -> None:
    assert features(text, None).ends_sentence


@pytest.mark.parametrize(
    "text",
    [
        "The bridge opens in the spring",
        "A cargo ship leaves the port on Aug. 31, 2019. (AP)",  # a credit, in capitals
        "The bridge opens in the spring (dpa)",  # no sentence before the sign-off
    ],
)
def test_other_endings_are_not_a_sentence_s(text: str) -> None:
    assert not features(text, None).ends_sentence
