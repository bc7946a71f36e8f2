"""The JSON record of an article: write it, read it back, check the schema version.

Run from anywhere, after ``pip install .``: ``python examples/records.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

import newscorpus

DUMP = Path(__file__).resolve().parent / "dumps" / "000_1530030a9e987927.txt"


def main() -> None:
    """Round-trip one article through JSON, and print the record's fields."""
    article = newscorpus.parse(DUMP)
    line = json.dumps(article.to_dict(), ensure_ascii=False)
    record = json.loads(line)
    again = newscorpus.from_dict(record)
    assert again == article, "the JSON record round-trips exactly"
    print(f"schema {record['schema']} (this version writes {newscorpus.SCHEMA_VERSION})")
    print(f"fields: {', '.join(record)}")
    print(f"{len(line.encode('utf-8'))} bytes of JSON; round trip exact: {again == article}")
    print(f"first removal: {record['removed'][0] if record['removed'] else None}")


if __name__ == "__main__":
    main()
