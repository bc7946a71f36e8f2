"""The completeness order and the outlet of a record."""

from __future__ import annotations

import datetime as dt

from newscorpus.dedup.canonical import completeness_key, outlet_of


def key(**changes: object) -> tuple[int, int, float, str]:
    fields: dict[str, object] = {"truncated": False, "shingles": 100, "published": None, "id": "m"}
    fields.update(changes)
    return completeness_key(**fields)  # type: ignore[arg-type]


def test_a_complete_body_comes_before_a_truncated_longer_one() -> None:
    assert key(truncated=False, shingles=10) < key(truncated=True, shingles=500)


def test_then_the_longer_body() -> None:
    assert key(shingles=300) < key(shingles=200)


def test_then_the_earliest_date_with_undated_last() -> None:
    early = key(published=dt.date(2023, 12, 7))
    late = key(published=dt.datetime(2023, 12, 8, tzinfo=dt.UTC))
    assert early < late < key(published=None)


def test_then_the_smallest_id() -> None:
    assert key(id="a") < key(id="b")


def test_the_outlet_is_the_site_then_the_host_then_the_publisher() -> None:
    assert outlet_of(site_name=" Le Monde ", url="https://x.org", publisher="P") == "le monde"
    assert outlet_of(site_name=None, url="https://WWW.Example.org/a?b", publisher="P") == (
        "example.org"
    )
    assert outlet_of(site_name=None, url="not a url", publisher="Le Monde") == "le monde"
    assert outlet_of(site_name="", url=None, publisher=None) is None
