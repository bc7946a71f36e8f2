"""No network, no file read through the input, no code run, nothing written: whatever the input."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest

import newscorpus
from newscorpus import RawDocument, SiteResult
from newscorpus.formats import SiteParser

from .helpers import snapshot

SECRET = "canary-b41d-secret-file-content"


class NetworkUsedError(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NetworkUsedError("the network was used")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def no_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a process was started")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr("os.system", refuse)


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


def _pages(secret: Path) -> list[str]:
    uri = secret.as_uri()
    return [
        # XXE: an external entity naming a local file, and one naming a URL.
        f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY xxe SYSTEM "{uri}">]><p>A &xxe; story.</p>',
        '<!DOCTYPE p [<!ENTITY net SYSTEM "http://198.51.100.7/x">]><p>A &net; story.</p>',
        # An external DTD, parameter entities, and a billion laughs.
        f'<!DOCTYPE html SYSTEM "{uri}"><html><body><p>The story.</p></body></html>',
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://198.51.100.7/x.dtd">'
        "<html><body><p>The story.</p></body></html>",
        '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        "<p>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</p>",
        # Resources a browser would fetch.
        f'<html><head><link rel="stylesheet" href="http://198.51.100.7/a.css">'
        f'<base href="{uri}"><script src="http://198.51.100.7/a.js"></script>'
        f'<meta http-equiv="refresh" content="0; url={uri}"></head><body>'
        f'<img src="{uri}"><iframe src="{uri}"></iframe><object data="{uri}"></object>'
        '<p>The story itself, with <a href="http://198.51.100.7/">a link</a>.</p>'
        '<svg><image href="http://198.51.100.7/i.svg"/></svg>'
        '<script type="application/ld+json">{"@context": "http://198.51.100.7/ctx",'
        '"@type": "NewsArticle", "headline": "H", "image": "http://198.51.100.7/i.png"}'
        "</script></body></html>",
        # XInclude and processing instructions.
        f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><xi:include href="{uri}"/>'
        '<?xml-stylesheet href="http://198.51.100.7/s.xsl"?><p>The story.</p></body></html>',
        # Markup that would run code in a browser, or in a careless template.
        "<p onload=\"__import__('os').system('touch pwned')\">{{ 7*7 }} ${7*7} "
        "<script>alert(1)</script>"
        "<a href=\"javascript:__import__('os').system('touch pwned')\">x</a> The story.</p>",
    ]


def test_pages_never_reach_the_network_or_the_files(
    secret: Path,
    tmp_path: Path,
    no_network: None,
    no_processes: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    before = snapshot(tmp_path)
    for page in _pages(secret):
        for payload in (page, page.encode()):
            article = newscorpus.parse(payload, format="html", url="http://198.51.100.7/p")
            record = str(article.to_dict())
            assert SECRET not in record
            assert "aaaaaaaaaa" * 100 not in record  # no entity was expanded
            dump = newscorpus.parse(payload, format="dump")
            assert SECRET not in str(dump.to_dict())
    assert snapshot(tmp_path) == before
    assert not (work / "pwned").exists()


def test_the_soup_path_never_reaches_the_network_or_the_files(
    secret: Path, no_network: None, no_processes: None
) -> None:
    def site(soup: Any, url: str | None) -> SiteResult:
        return SiteResult(blocks=[("paragraph", soup.get_text(" ", strip=True) or "empty")])

    parser = SiteParser("escape-check", site)
    for page in _pages(secret):
        draft = parser.parse(RawDocument(page, url="http://198.51.100.7/p"))
        assert SECRET not in " ".join(block.text for block in draft.blocks)


def test_a_file_path_inside_a_payload_is_only_text(secret: Path, no_network: None) -> None:
    """A payload that *is* a path is content, not a path to read (only ``os.PathLike`` is)."""
    article = newscorpus.parse(str(secret))
    assert SECRET not in article.text
    article = newscorpus.parse(secret.as_uri().encode())
    assert SECRET not in article.text
