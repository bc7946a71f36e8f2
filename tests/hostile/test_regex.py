"""Inputs aimed at the regular expressions: long runs of punctuation, spaces and repeated tokens
take time linear in their length, in every module-level pattern and through the whole parse."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterator

import pytest

import newscorpus
from newscorpus import RawDocument
from newscorpus.formats import DumpParser, HtmlParser
from tests.timing import MAX_TIME_FACTOR, SIZE_FACTOR, best_time, time_ratio

#: Runs aimed at nested or overlapping quantifiers, each followed by a suffix that fails them.
UNITS = [" ", ".", "-", "1", "1.", "1 ", "[", "(", "a ", "#", "*", "=", "'", "— ", ". ", "a,"]
UNITS += ["Photo ", "By ", "(AP) ", "Jan 1, ", "12:00 ", "http://", "a@", "<b>", "Mr. A. "]
SUFFIXES = ["", "!", "x"]
#: The packages whose patterns read text (the cleaning steps, the parsers, the metadata).
PACKAGES = ("newscorpus.cleaning", "newscorpus.formats", "newscorpus.metadata")
#: The smaller text of a pattern's timing, in characters: a linear pattern searches it in well
#: under a millisecond (and is skipped), a quadratic one takes a second.
SIZE = 8_000


def _modules() -> Iterator[object]:
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        yield package
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            yield importlib.import_module(info.name)


def _patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            values = value if isinstance(value, tuple | list) else (value,)
            for item in values:
                if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                    found.setdefault(f"{getattr(module, '__name__', '?')}.{name}", item)
    return found


#: Patterns only ever matched at a given position (``pattern.match(text, pos)``), where ``^`` or
#: ``\A`` cannot anchor them: a search with them is not how they are used.
MATCHED_AT_A_POSITION = {"newscorpus.metadata.page._jsonld._JSON_CLOSER"}
PATTERNS = {name: p for name, p in _patterns().items() if name not in MATCHED_AT_A_POSITION}


def test_the_patterns_are_found() -> None:
    assert len(PATTERNS) > 50


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_pattern_is_linear_on_hostile_runs(name: str) -> None:
    pattern = PATTERNS[name]
    for unit in UNITS:
        for suffix in SUFFIXES:

            def make(size: int, unit: str = unit, suffix: str = suffix) -> Callable[[], object]:
                text = unit * (size // len(unit)) + suffix
                return lambda: pattern.search(text)

            small = make(SIZE)
            if best_time(small, runs=1) < 1e-3:
                continue  # too fast to time: not what this test looks for
            # Over two steps of size: a super-linear pattern grows 16 times at each; the CPU's
            # caches (a string or the engine's stack outgrowing one) or a busy machine make one
            # step look worse than it is, not both.
            ratio = min(time_ratio(make, SIZE), time_ratio(make, SIZE * SIZE_FACTOR))
            assert ratio < MAX_TIME_FACTOR, (unit, suffix, ratio)


def _dump(unit: str, size: int) -> Callable[[], object]:
    text = "A headline\n\n" + unit * (size // len(unit)) + "!\n\nThe end of the story.\n"
    return lambda: newscorpus.parse(text, format="dump")


def _page(unit: str, size: int) -> Callable[[], object]:
    text = "<html><body><h1>A headline</h1><p>" + unit * (size // len(unit)) + "!</p></body>"
    return lambda: newscorpus.parse(text, format="html")


@pytest.mark.parametrize("unit", [" ", ". ", "1.", "[", "-", "#", "Photo ", "a ", "(AP) ", "By "])
@pytest.mark.parametrize("make", [_dump, _page], ids=["dump", "html"])
def test_the_whole_parse_is_linear_on_hostile_runs(
    unit: str, make: Callable[[str, int], Callable[[], object]]
) -> None:
    ratio = time_ratio(lambda size: make(unit, size), 5_000)
    assert ratio < MAX_TIME_FACTOR, ratio


@pytest.mark.parametrize("unit", ["word ", "the the ", "Photo: AP ", "1,2,3,", "<<>>", "&amp;"])
def test_repeated_tokens_over_many_lines_are_linear(unit: str) -> None:
    def make(size: int) -> Callable[[], object]:
        line = unit * 10
        text = "\n".join([line] * (size // len(line)))
        return lambda: (
            DumpParser().parse(RawDocument(text)),
            HtmlParser().parse(RawDocument("<p>" + text.replace("\n", "<br>"))),
        )

    assert time_ratio(make, 20_000) < MAX_TIME_FACTOR
