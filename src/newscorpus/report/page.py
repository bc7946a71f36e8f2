"""The report as one self-contained HTML page: styles and charts inline, nothing fetched.

:func:`render` turns :class:`~newscorpus.report.collect.ReportData` (and the run's summary
file, when there is one) into the page. Every chart is an inline SVG with a line under it on
how to read it; the tables and the sample are plain HTML, and sampled documents are linked by
id (``#doc-<id>``). The page has no script: it works with scripts off and in any browser.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from newscorpus._version import __version__
from newscorpus.report import charts
from newscorpus.report.collect import LENGTH_BINS, ReportData, SampleDocument

__all__ = ["render"]

#: Rows of the ranked charts (sites, codes) and of the removals-per-site stack.
_TOP = 20
_TOP_STACK_SITES = 15
_TOP_STACK_CODES = 7
#: Months the timeline shows one column each; a longer span is shown by year.
_MONTHS_SHOWN = 120

_STYLE = """
:root { --ink: #1d2733; --muted: #5b6775; --line: #d9dee4; --accent: #2f6690; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); background: #f6f7f9; }
main { max-width: 1220px; margin: 0 auto; padding: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 36px 0 12px; border-bottom: 1px solid var(--line);
     padding-bottom: 4px; }
.muted { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
         gap: 10px; margin: 16px 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.card b { display: block; font-size: 22px; }
.grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 6px;
         padding: 8px; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 13px; color: var(--muted); padding: 4px 6px 2px; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 14px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left;
         vertical-align: top; }
th { background: #eef1f4; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
details { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 8px 0;
          padding: 8px 12px; }
details:target { outline: 3px solid var(--accent); }
summary { cursor: pointer; font-weight: 600; }
.excerpt { white-space: pre-wrap; font-size: 14px; }
.removed td { font-size: 13px; }
.removed td:nth-child(-n+2) { white-space: nowrap; }
code { font-size: 13px; }
a { color: var(--accent); }
@media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _number(value: int | float) -> str:
    return f"{value:,.0f}" if isinstance(value, int) or value.is_integer() else f"{value:,.1f}"


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{_e(caption)}</figcaption></figure>"


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]], numeric: set[int]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="n">{_e(_number(cell) if isinstance(cell, int) else cell)}</td>'
            if index in numeric
            else f"<td>{cell if isinstance(cell, _Markup) else _e(cell)}</td>"
            for index, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class _Markup(str):
    """Text that is already HTML (a link), put into a table cell as it is."""


def _top(counts: Mapping[str, int], count: int = _TOP) -> tuple[list[str], list[int]]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:count]
    return [label for label, _ in ranked], [value for _, value in ranked]


def _length_labels() -> list[str]:
    labels = ["0"]
    for low, high in itertools.pairwise(LENGTH_BINS):
        labels.append(f"{low + 1}–{high}")
    labels.append(f"> {LENGTH_BINS[-1]}")
    return labels


def _cards(data: ReportData, run: Mapping[str, Any] | None) -> str:
    counts = data.statistics.to_json()
    documents = counts["documents"]
    figures: list[tuple[str, int | float]] = [
        ("documents", documents),
        ("words per body (mean)", round(data.words / documents) if documents else 0),
        ("sites", len(counts["by_site"])),
        ("languages", len(counts["by_language"])),
        ("removed lines", sum(counts["removals_by_code"].values())),
        ("edits", sum(counts["edits_by_code"].values())),
        ("empty bodies", counts["empty_bodies"]),
        ("paywalled", counts["paywalled"]),
        ("truncated", counts["truncated"]),
        ("duplicates", counts["duplicates"]),
        ("syndication groups", counts["syndication_groups"]),
        ("stories", len(data.stories)),
    ]
    if run is not None and "failed" in run:
        figures.insert(1, ("failed inputs", int(run["failed"])))
    cards = "".join(f"<div class='card'><b>{_number(v)}</b>{_e(k)}</div>" for k, v in figures)
    return f"<div class='cards'>{cards}</div>"


def _charts(data: ReportData) -> str:
    counts = data.statistics
    figures: list[str] = []
    periods, values, unit = _timeline(counts.by_month)
    if periods:
        undated = counts.by_month.get("(unknown)", 0)
        figures.append(
            _figure(
                charts.column_chart(
                    "Documents over time", periods, values, ylabel="documents", xlabel=unit
                ),
                f"Documents per {unit.split()[0]} of their published date (every one from the "
                "first to the last, so a gap shows). A gap or a spike is a crawl "
                f"that stopped or a backfill; {_number(undated)} documents have no date.",
            )
        )
    sites, values = _top(counts.by_site)
    figures.append(
        _figure(
            charts.bar_chart("Documents per site", sites, values, xlabel="documents"),
            f"The {len(sites)} largest of {len(counts.by_site)} sites (site name, else the "
            "URL's host). One site dominating skews every other figure.",
        )
    )
    languages, values = _top(counts.by_language)
    figures.append(
        _figure(
            charts.bar_chart("Documents per language", languages, values, xlabel="documents"),
            "Detected language of the body (ISO 639-1). '(unknown)' is a body too short or "
            "too mixed to tell: often an empty or failed extraction.",
        )
    )
    figures.append(
        _figure(
            charts.column_chart(
                "Body length",
                _length_labels(),
                data.lengths,
                ylabel="documents",
                xlabel="words in the body",
                max_ticks=20,
            ),
            "Documents per body length. A pile at 0 or below 50 words is pages where "
            "extraction found no article (index pages, paywalls, errors).",
        )
    )
    codes, values = _top(counts.removals_by_code)
    if codes:
        figures.append(
            _figure(
                charts.bar_chart("Removed lines per code", codes, values, xlabel="removed lines"),
                "What cleaning removed, by reason code (docs/cleaning.md lists each). A code "
                "far above the others on a new corpus deserves a look at the sample below.",
            )
        )
        figures.append(_removals_per_site(data))
    if data.paywalled_by_site:
        sites, values = _top(data.paywalled_by_site)
        figures.append(
            _figure(
                charts.bar_chart("Paywalled documents per site", sites, values, xlabel="documents"),
                "Documents with a paywall notice: their body is the free part only.",
            )
        )
    if data.agencies:
        agencies, values = _top(data.agencies)
        figures.append(
            _figure(
                charts.bar_chart(
                    "Syndication groups per agency", agencies, values, xlabel="groups"
                ),
                "Groups of copies of one text, by the wire service credited in them.",
            )
        )
    return "<div class='grid'>" + "".join(figures) + "</div>"


def _timeline(by_month: Mapping[str, int]) -> tuple[list[str], list[int], str]:
    """Every month from the first to the last (months without documents too, so that a gap
    shows), or every year when that spans more than :data:`_MONTHS_SHOWN` months.

    >>> _timeline({"2024-01": 2, "2024-03": 1, "(unknown)": 5})
    (['2024-01', '2024-02', '2024-03'], [2, 0, 1], 'month published')
    """
    dated = sorted(
        (int(month[:4]) * 12 + int(month[5:7]) - 1, count)
        for month, count in by_month.items()
        if len(month) == 7 and month[:4].isdigit() and month[5:7].isdigit()
    )
    if not dated:
        return [], [], ""
    first, last = dated[0][0], dated[-1][0]
    if last - first < _MONTHS_SHOWN:
        values = [0] * (last - first + 1)
        for index, count in dated:
            values[index - first] += count
        labels = [f"{(first + n) // 12}-{(first + n) % 12 + 1:02d}" for n in range(len(values))]
        return labels, values, "month published"
    years = [0] * (last // 12 - first // 12 + 1)
    for index, count in dated:
        years[index // 12 - first // 12] += count
    return [str(first // 12 + n) for n in range(len(years))], years, "year published"


def _removals_per_site(data: ReportData) -> str:
    sites = [site for site, _ in data.removals_by_site.most_common(_TOP_STACK_SITES)]
    totals: dict[str, int] = {}
    for (site, code), count in data.removals_by_site_code.items():
        if site in sites:
            totals[code] = totals.get(code, 0) + count
    codes, _ = _top(totals, _TOP_STACK_CODES)
    series = [
        (code, [data.removals_by_site_code.get((site, code), 0) for site in sites])
        for code in codes
    ]
    other = [
        data.removals_by_site[site] - sum(values[index] for _, values in series)
        for index, site in enumerate(sites)
    ]
    if any(other):
        series.append(("other codes", other))
    return _figure(
        charts.stacked_bar_chart(
            "Removed lines per site and code", sites, series, xlabel="removed lines"
        ),
        "For the sites with the most removals, what was removed there. A site whose bar is "
        "all one code has a template cleaning learned; an unusual mix is worth a look.",
    )


def _tables(data: ReportData) -> str:
    counts = data.statistics
    parts = ["<h2 id='codes'>Removals and edits per code</h2>"]
    rows = [(code, count) for code, count in counts.removals_by_code.most_common()]
    rows += [(f"{code} (edit)", count) for code, count in counts.edits_by_code.most_common()]
    parts.append(_table(("code", "count"), rows, {1}) if rows else "<p>Nothing removed.</p>")
    if counts.warnings_by_code:
        parts.append("<h2 id='warnings'>Warnings</h2>")
        parts.append(_table(("warning", "documents"), counts.warnings_by_code.most_common(), {1}))
    parts.append("<h2 id='stories'>The 20 largest stories</h2>")
    stories = data.largest_stories(20)
    if stories:
        parts.append(
            _table(("story", "documents", "sites", "a title"), _story_rows(stories), {1, 2})
        )
    else:
        parts.append("<p class='muted'>No stories: run <code>newscorpus dedup</code> first.</p>")
    parts.append("<h2 id='syndication'>Duplicates and syndication</h2>")
    syndicated = sum(counts.syndication.values())
    parts.append(
        f"<p>{_number(counts.duplicates)} duplicates (same text, same outlet: "
        f"<code>duplicate_of</code> names the kept record); {_number(len(counts.syndication))} "
        f"syndication groups holding {_number(syndicated)} documents.</p>"
    )
    if data.agencies:
        parts.append(_table(("agency", "groups"), data.agencies.most_common(_TOP), {1}))
    return "".join(parts)


def _story_rows(stories: list[tuple[str, int, str, int]]) -> Iterable[Sequence[object]]:
    for story, size, title, sites in stories:
        yield (story, size, sites, title)


def _sample(sample: Sequence[SampleDocument]) -> str:
    if not sample:
        return "<p>No documents.</p>"
    rows = (
        (
            _Markup(f"<a href='#doc-{_e(doc.id)}'>{_e(doc.id)}</a>"),
            doc.title or "(no title)",
            doc.site,
            doc.language,
            doc.published[:10],
            doc.words,
            doc.removed_total,
        )
        for doc in sample
    )
    table = _table(("id", "title", "site", "lang", "published", "words", "removed"), rows, {5, 6})
    # The first document is open, to show what each holds.
    return table + "".join(_document(doc, open_=index == 0) for index, doc in enumerate(sample))


def _document(doc: SampleDocument, *, open_: bool = False) -> str:
    link = f" · <a href='{_e(doc.url)}' rel='noreferrer'>{_e(doc.url)}</a>" if doc.url else ""
    notes = []
    if doc.paywalled:
        notes.append("paywalled")
    if doc.duplicate_of:
        notes.append(
            f"duplicate of <a href='#doc-{_e(doc.duplicate_of)}'>{_e(doc.duplicate_of)}</a>"
        )
    removed = _table(
        ("step", "code", "reason", "removed line"),
        doc.removed,
        set(),
    )
    more = doc.removed_total - len(doc.removed)
    tail = f"<p class='muted'>… and {more} more removed lines.</p>" if more > 0 else ""
    return (
        f"<details id='doc-{_e(doc.id)}'{' open' if open_ else ''}>"
        f"<summary>{_e(doc.title or '(no title)')} "
        f"<span class='muted'>({_e(doc.id)})</span></summary>"
        f"<p class='muted'>{_e(doc.site)} · {_e(doc.language)} · {_e(doc.published)}{link}"
        f"{' · ' + ' · '.join(notes) if notes else ''}</p>"
        f"<div class='excerpt'>{_e(doc.excerpt) or '<i>(empty body)</i>'}</div>"
        f"<h4>Removed lines ({doc.removed_total})</h4>"
        f"<div class='removed'>{removed if doc.removed else '<p>None.</p>'}</div>{tail}"
        "</details>"
    )


def _run_section(run: Mapping[str, Any] | None) -> str:
    if run is None:
        return (
            "<p class='muted'>No run summary beside the corpus (written by "
            "<code>newscorpus parse -o</code>): how it was cleaned is unknown.</p>"
        )
    pipeline = run.get("pipeline") or {}
    fingerprint = pipeline.get("fingerprint")
    steps = pipeline.get("steps") or []
    names = [step["name"] if isinstance(step, Mapping) else str(step) for step in steps]
    counts = ", ".join(
        f"{_number(int(run[key]))} {key}" for key in ("read", "written", "failed") if key in run
    )
    return (
        f"<p>Run: {_e(counts)}."
        + (f" Pipeline <code>{_e(fingerprint)}</code>:" if fingerprint else " Pipeline:")
        + f" {_e(' → '.join(names)) or 'not recorded'}.</p>"
    )


def render(data: ReportData, *, title: str, run: Mapping[str, Any] | None = None) -> str:
    """The report page for ``data``; ``run`` is the run's summary file, when there is one.

    >>> from newscorpus.report.collect import collect
    >>> page = render(collect([{"id": "a", "text": "One two."}]), title="c.jsonl")
    >>> page.startswith("<!DOCTYPE html>") and "doc-a" in page and "<script" not in page
    True
    """
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(title)}: corpus report</title><style>{_STYLE}</style></head><body><main>"
        f"<h1>Corpus report: {_e(title)}</h1>"
        f"<p class='muted'>Made by newscorpus {_e(__version__)}. Sections: "
        "<a href='#charts'>charts</a> · <a href='#codes'>codes</a> · "
        "<a href='#stories'>stories</a> · <a href='#syndication'>syndication</a> · "
        "<a href='#sample'>sample</a></p>"
        f"{_run_section(run)}{_cards(data, run)}"
        f"<h2 id='charts'>Charts</h2>{_charts(data)}{_tables(data)}"
        f"<h2 id='sample'>A sample of {len(data.sample)} documents</h2>"
        "<p class='muted'>Drawn at random from the whole corpus (the same corpus gives the same "
        "sample). Open a document to see its body and every line cleaning removed, with the "
        "step, the code and the reason.</p>"
        f"{_sample(data.sample)}</main></body></html>\n"
    )
