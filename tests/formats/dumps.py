"""Helpers and sample text for the dump parser's tests."""

from __future__ import annotations

import re

from newscorpus import RawDocument
from newscorpus.draft import DraftBlock
from newscorpus.formats.dump import DumpParser

#: Paragraphs of running text, long enough to wrap over several lines.
PARAGRAPHS = (
    "After months of deadlock and extreme tension, talks between Armenia and Azerbaijan, who "
    "have been in conflict for over thirty years over control of the region, finally resumed "
    "on Thursday with a joint statement welcomed by every mediator.",
    "To move the talks forward, Russia, the European Union and the United States have been "
    "conducting parallel negotiations for months. All have welcomed the joint declaration "
    "issued by the two capitals on Thursday evening, a well-received step.",
    "Turkey, an ally of Azerbaijan, also expressed its satisfaction, saying that it hoped to "
    "sign a peace agreement as soon as possible, something which would open the border.",
    "The two leaders are expected to meet again in the spring, after the elections, to settle "
    "the remaining questions of the border and of the transport routes through the region.",
)

_TOKEN = re.compile(r"[^\W_]+")


def parse_blocks(text: str) -> list[DraftBlock]:
    """The blocks the dump parser makes of ``text``."""
    return DumpParser().parse(RawDocument(text)).blocks


def kinds_and_texts(text: str) -> list[tuple[str, str]]:
    """``(kind, text)`` of each block the dump parser makes of ``text``."""
    return [(block.kind, block.text) for block in parse_blocks(text)]


def texts(text: str) -> list[str]:
    """The text of each block the dump parser makes of ``text``."""
    return [block.text for block in parse_blocks(text)]


def tokens(text: str) -> list[str]:
    """The words and numbers of ``text``: runs of letters and digits (an underscore, like any
    mark, separates them)."""
    return _TOKEN.findall(text)
