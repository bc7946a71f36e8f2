"""Headless Chromium from its command line: load a page, take a screenshot, keep its console.

Used by the browser test and by docs/report_screenshots.py. The flags keep Chromium off the
network (a closed network makes it hang otherwise) and let it run as root in a container.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["chromium", "load"]

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
)


def chromium() -> str | None:
    """The path of an installed Chromium (or Chrome), or ``None``."""
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def load(page: Path, screenshot: Path, *, width: int = 1280, height: int = 2000) -> list[str]:
    """Load ``page`` in headless Chromium at ``width`` x ``height`` pixels, save a screenshot
    and return the console messages it logged (each ``:CONSOLE`` line of its log)."""
    binary = chromium()
    if binary is None:
        raise FileNotFoundError("no chromium on the PATH")
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        finished = subprocess.run(
            [
                binary,
                *_FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                f"--screenshot={screenshot}",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    if finished.returncode != 0 or not screenshot.is_file():
        raise RuntimeError(f"chromium failed ({finished.returncode}): {finished.stderr[-2000:]}")
    return [line for line in finished.stderr.splitlines() if ":CONSOLE" in line]
