"""The installed ``newscorpus`` script, run as a user would."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "dumps"


def test_installed_script_parses_a_folder_and_reports_a_missing_file(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "newscorpus"
    assert script.exists(), f"no {script}: install the package (pip install -e .) first"
    missing = tmp_path / "missing.txt"
    result = subprocess.run(
        [str(script), "parse", str(EXAMPLES), str(missing)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4
    assert all("error" not in record for record in lines[:3])
    assert lines[3]["error"]["type"] == "SourceNotFoundError"
    assert "3 parsed, 1 failed" in result.stderr
    assert "Traceback" not in result.stderr
