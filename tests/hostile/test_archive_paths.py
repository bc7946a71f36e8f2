"""Members named ``../x`` or ``/abs``, and links: read in place, never written, never followed."""

from __future__ import annotations

import io
import os
import tarfile
import zipfile
from pathlib import Path

import pytest

from newscorpus.corpus import ReadDocument, read_documents, run_corpus

from .helpers import snapshot, tar_bytes, zip_bytes

SECRET = "top-secret-canary-7f3a"
HOSTILE_NAMES = [
    "../escaped.txt",
    "../../../../../../tmp/escaped-abs.txt",
    "/tmp/absolute.txt",
    "a/../../escaped2.txt",
    "C:\\windows\\escaped.txt",
    "./.hidden/../../x.txt",
]


def _link(name: str, target: str, kind: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    return info


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


@pytest.fixture
def archives(tmp_path: Path, secret: Path) -> Path:
    folder = tmp_path / "archives"
    folder.mkdir()
    members = {name: f"A story named {name}.".encode() for name in HOSTILE_NAMES}
    (folder / "names.zip").write_bytes(zip_bytes(members))
    links: list[tarfile.TarInfo | tuple[str, bytes]] = [
        _link("symlink.txt", str(secret), tarfile.SYMTYPE),
        _link("relative-link.txt", "../secret.txt", tarfile.SYMTYPE),
        _link("hardlink.txt", str(secret), tarfile.LNKTYPE),
        _link("dir-link", str(secret.parent), tarfile.SYMTYPE),
    ]
    folder.joinpath("names.tar").write_bytes(tar_bytes([*members.items(), *links]))
    # A zip member whose mode says "symbolic link" (its content is the target's path).
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("zip-symlink.txt")
        info.external_attr = (0o120777 << 16) | 0x20
        archive.writestr(info, str(secret))
        archive.writestr("plain.txt", b"A plain member.")
    (folder / "links.zip").write_bytes(buffer.getvalue())
    return folder


def test_hostile_names_are_labels_only(
    archives: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work" / "deeper"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    watched = (tmp_path, Path("/tmp") / "escaped-abs.txt", Path("/tmp") / "absolute.txt")
    before = snapshot(tmp_path)
    items = list(read_documents(archives))
    assert snapshot(tmp_path) == before  # nothing written anywhere under the test's folder
    assert not any(path.exists() for path in watched[1:])
    members = [item.origin.member for item in items if isinstance(item, ReadDocument)]
    assert sorted(m for m in members if m in HOSTILE_NAMES) == sorted(HOSTILE_NAMES * 2)
    texts = [item.document.text for item in items if isinstance(item, ReadDocument)]
    assert all(SECRET not in text for text in texts)  # no link was followed


def test_links_are_never_read(archives: Path) -> None:
    items = list(read_documents(archives))
    sources = {item.source.removeprefix(str(archives)) for item in items}
    for link in ("symlink.txt", "relative-link.txt", "hardlink.txt", "dir-link", "zip-symlink.txt"):
        assert not any(source.endswith("!" + link) for source in sources), link
    assert any(source.endswith("links.zip!plain.txt") for source in sources)


def test_a_corpus_run_writes_only_its_output(archives: Path, tmp_path: Path) -> None:
    output = tmp_path / "out" / "corpus.jsonl"
    output.parent.mkdir()
    before = snapshot(tmp_path)
    summary = run_corpus(archives, output)
    after = snapshot(tmp_path)
    created = sorted(set(after) - set(before))
    allowed = {
        str(output.with_name(name))
        for name in ("corpus.jsonl", "corpus.jsonl.errors.jsonl", "corpus.summary.json")
    }
    assert set(created) <= allowed, created
    changed = [path for path in before if after.get(path) != before[path]]
    assert all(path.startswith(str(output.parent)) for path in changed), changed
    assert SECRET not in output.read_text()
    assert summary.read == summary.written + summary.failed


def test_an_input_symlink_to_outside_is_read_as_the_user_gave_it(tmp_path: Path) -> None:
    """A symbolic link on disk is the user's own choice: it is read, and nothing is written."""
    target = tmp_path / "real.txt"
    target.write_text("A story reached through a link.")
    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink(target, folder / "link.txt")
    before = snapshot(tmp_path)
    [item] = list(read_documents(folder))
    assert isinstance(item, ReadDocument)
    assert snapshot(tmp_path) == before
