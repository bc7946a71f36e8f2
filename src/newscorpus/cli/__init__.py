"""The ``newscorpus`` command line: ``parse``, ``show``, ``parsers`` and ``steps``.

Each command lives in its own module (``parse``, ``show``, ``parsers``, ``steps``) with a
``register`` function that adds its sub-parser and a ``run`` function that does the work;
``render`` holds the terminal rendering shared by the commands. See ``docs/cli.md``.
"""

from newscorpus.cli.main import main

__all__ = ["main"]
