"""The per-document time limit of newscorpus.parse (``Limits.seconds_per_document``): a slow
parse raises TimeLimitExceeded, in the main thread (SIGALRM) and in another thread (an
abandoned daemon thread); ``None`` switches it off."""

from __future__ import annotations

import contextlib
import pickle
import signal
import threading
import time
from typing import Any

import pytest

import newscorpus
from newscorpus import api
from newscorpus._deadline import call_with_time_limit
from newscorpus.errors import LimitError, TimeLimitExceeded
from newscorpus.limits import Limits

TEXT = "The council met on Monday to vote on the budget of the town."
FAST = Limits(seconds_per_document=0.2)


@pytest.fixture
def slow_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    real = api.parse_document  # type: ignore[attr-defined]

    def slow(document: Any, pipeline: Any = None) -> Any:
        time.sleep(0.5)
        return real(document, pipeline)

    monkeypatch.setattr(api, "parse_document", slow)


@pytest.mark.usefixtures("slow_parse")
def test_a_slow_parse_raises_time_limit_exceeded() -> None:
    with pytest.raises(TimeLimitExceeded, match=r"longer than the limit of 0\.2 s") as caught:
        newscorpus.parse(TEXT, limits=FAST)
    assert isinstance(caught.value, LimitError)
    assert caught.value.limit == "seconds_per_document"
    assert caught.value.source == "<string>"
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL  # the handler is put back
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.usefixtures("slow_parse")
def test_none_switches_the_time_limit_off() -> None:
    limits = Limits(seconds_per_document=None)
    assert newscorpus.parse(TEXT, limits=limits).text == TEXT


@pytest.mark.usefixtures("slow_parse")
def test_the_time_limit_holds_in_another_thread() -> None:
    raised: list[BaseException] = []

    def run() -> None:
        try:
            newscorpus.parse(TEXT, limits=FAST)
        except BaseException as error:
            raised.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert [type(error) for error in raised] == [TimeLimitExceeded]


def test_an_error_swallowed_by_the_code_still_stops_it() -> None:
    def swallowing() -> int:
        end = time.monotonic() + 0.6
        while time.monotonic() < end:
            with contextlib.suppress(Exception):  # a careless step catching everything
                time.sleep(0.02)
        return 1

    with pytest.raises(TimeLimitExceeded):
        call_with_time_limit(swallowing, 0.2, "page.html")


def test_errors_and_results_come_through_and_the_error_pickles() -> None:
    assert call_with_time_limit(lambda: 7, 5.0, "a") == 7
    with pytest.raises(ValueError, match="invalid literal"):
        call_with_time_limit(lambda: int("x"), 5.0, "a")
    error = pickle.loads(pickle.dumps(TimeLimitExceeded(60.0, source="slow.html")))
    assert isinstance(error, TimeLimitExceeded)
    assert str(error) == "slow.html: parsing took longer than the limit of 60 s"
