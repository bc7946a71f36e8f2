"""Every heuristic threshold of newscorpus, in one place, each with what it was tuned against.

"Dev dumps" below means the 181 Chromium dumps of the scrapinghub article-extraction benchmark
(``benchmarks/dumps.py``), the same pages rendered by html2text, inscriptis and a text-node
renderer (``benchmarks/dump_styles.py``), and the three seed dumps. Change a value here, run
those benchmarks, and compare precision and recall before and after.
"""

from __future__ import annotations

# --- reading a dump's layout (formats/dump.py) -------------------------------------------------

#: Tabs expand to this many columns before indentation is measured.
TAB_WIDTH = 8
#: A dump needs this many non-empty lines before its wrap width is trusted.
WRAP_MIN_LINES = 8
#: Renderers wrap at 72 to 100 columns; a dump with longer lines is not hard-wrapped.
WRAP_MAX_WIDTH = 160
#: A line "reaches the margin" when it ends at most this many columns before it.
WRAP_MARGIN_SLACK = 12
#: Share of the lines longer than half the width that must reach the margin (lynx, w3m,
#: html2text at 78 columns all give 0.6 to 0.9 on the dev dumps; browser captures under 0.2).
WRAP_MIN_SHARE_AT_MARGIN = 0.5
#: The dump parser's ``can_parse`` score: the fallback that any better-fitting parser beats.
DUMP_FALLBACK_SCORE = 0.1
