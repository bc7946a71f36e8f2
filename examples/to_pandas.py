"""Open a corpus in pandas: one row an article, and what the cleaning removed, per step.

Needs the ``pandas`` extra (``pip install 'newscorpus[pandas]'``). Run from anywhere::

    python examples/to_pandas.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import newscorpus
from newscorpus.corpus import open_writer

DUMPS = Path(__file__).resolve().parent / "dumps"


def main() -> None:
    """Write the example dumps to a Parquet corpus, load it as a DataFrame, and summarise it."""
    import pandas as pd

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "corpus.parquet"
        with open_writer(path) as writer:
            for dump in sorted(DUMPS.glob("*.txt")):
                writer.write(newscorpus.parse(dump).to_dict())
        df = newscorpus.read_corpus(path).to_pandas()

    df["words"] = df["text"].str.split().str.len()
    df["removed_count"] = df["removed"].str.len()
    with pd.option_context("display.width", 120, "display.max_colwidth", 40):
        print(df[["title", "site_name", "published", "words", "removed_count"]])

    # One row per removed block: which steps removed how much, across the corpus.
    removed = df[["id", "removed"]].explode("removed").dropna()
    steps = removed["removed"].map(lambda removal: removal["step"])
    print()
    print("removed blocks per step:")
    print(steps.value_counts().to_string())


if __name__ == "__main__":
    main()
