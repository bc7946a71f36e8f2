"""Every heuristic threshold of newscorpus, in one place, each with what it was tuned against.

"Dev dumps" below means the 181 Chromium dumps of the scrapinghub article-extraction benchmark
(``benchmarks/dumps.py``), the same pages rendered by html2text, inscriptis and a text-node
renderer (``benchmarks/dump_styles.py``), and the three seed dumps. Change a value here, run
those benchmarks, and compare precision and recall before and after.
"""

from __future__ import annotations

# --- reading a dump's layout (formats/dump/) ----------------------------------------------------

#: Tabs expand to this many columns before indentation is measured.
TAB_WIDTH = 8
#: The dump parser's ``can_parse`` score: the fallback that any better-fitting parser beats.
DUMP_FALLBACK_SCORE = 0.1

#: A dump needs this many non-empty lines before its wrap width is trusted.
WRAP_MIN_LINES = 8
#: Renderers wrap at 72 to 100 columns; a dump with longer lines is not hard-wrapped.
WRAP_MAX_WIDTH = 160
#: Narrower than this, a line's end is not taken for a renderer's margin.
WRAP_MIN_WIDTH = 30
#: The width found is at most this many columns under the renderer's (it is the longest
#: wrapped line: 0 to 2 under on the dev html2text dumps, wrapped at 78).
WRAP_MARGIN_SLACK = 12
#: A wrap width needs this many pairs of lines that it explains as wraps ...
WRAP_MIN_VOTES = 6
#: ... and this many per line that runs past it where it could have been broken (html2text
#: leaves list items, table rows and long words unwrapped: 0.1 such lines a vote or fewer on
#: the dev dumps; browser captures whose headline lists happen to vote have 0.3 to 0.9).
WRAP_MIN_VOTES_PER_LONG_LINE = 4.0
#: A next "word" longer than this (a URL, a line in a script without spaces) does not vote.
WRAP_MAX_WORD_CHARS = 25

#: A dump is Markdown (emphasis, escapes, links taken off) when this many lines show it
#: (html2text: 150 of the 181 dev pages have one or more; browser captures: 2, harmlessly).
MARKDOWN_MIN_LINES = 1

#: A dump of this many lines or more is read as text nodes when it has no empty line, or ...
TEXT_NODES_MIN_LINES = 8
#: ... when this share of its lines have an empty line on both sides (the text-node renderer
#: of the dev dumps: 1.0; browser captures: 0.04 to 0.6). The text-node rules cost nothing
#: measurable on the dev browser captures saved with no empty line or one after every line.
TEXT_NODES_MIN_SHARE_APART = 0.9
#: In a text-node dump, a line of at most this many words (a link's text) joins the
#: sentence around it when the next line goes on from it.
TEXT_NODE_LINK_MAX_WORDS = 6
#: In a text-node dump, a line of at most this many words that ends with a colon is a label
#: ("Palm Bay (1-0):", "Note:") and joins the value after it.
TEXT_NODE_LABEL_MAX_WORDS = 3
#: Function words are the lower-case words found in this share of the page's long lines ...
FUNCTION_WORDS_MIN_SHARE = 0.3
#: ... and in this many at least ...
FUNCTION_WORDS_MIN_LINES = 3
#: ... long lines being this long at least (running text, not menus) ...
FUNCTION_WORDS_MIN_LINE_CHARS = 40
#: ... and the first this many of them enough to tell (bounded time on huge pages).
FUNCTION_WORDS_MAX_LINES = 60

#: With fewer empty lines than this between its lines, a dump does not mark paragraphs (a
#: text-node scraper that writes one node a line), and every block is taken to stand apart.
PARAGRAPH_BREAKS_MIN = 1

# --- language (metadata/language.py) -----------------------------------------------------------

#: The identifier reads at most this many characters: enough, and bounded time on huge pages.
LANGUAGE_SAMPLE_CHARS = 400
#: Fewer letters than this and no language is claimed ("OK", "12:30").
LANGUAGE_MIN_LETTERS = 20
#: py3langid's normalised probability below which no language is claimed (0.5 keeps every
#: seed and 97% of the dev dumps' pages identified, and no two-word line).
LANGUAGE_MIN_PROBABILITY = 0.5
#: The page's language is detected on its longest blocks, up to this many characters, so that
#: menus in another language do not outvote the article.
LANGUAGE_TEXT_CHARS = 600

# --- what reads as prose (cleaning/features.py, cleaning/region.py) ----------------------------

#: A paragraph of running text has at least this many words (CJK: characters / 2).
PROSE_MIN_WORDS = 10
#: ... and at least this share of stopwords, where the language has a list (running text in
#: the dev dumps' languages has 0.3 to 0.6; lists of names and headlines under 0.15).
PROSE_MIN_STOPWORD_RATIO = 0.2
#: A paragraph that does not end like a sentence is still prose from this many words, with
#: enough stopwords (a quote ending in its author's name, a site that drops full stops).
PROSE_UNENDED_MIN_WORDS = 25
#: ... or half (this factor) of the page's median share over its long sentences, if lower:
#: Korean prose has a median of 0.1 with stopwords-iso's list, English 0.56, Russian 0.42.
PROSE_RELATIVE_STOPWORD_FACTOR = 0.5
#: A line of this many words or more that is not Title Case reads as a list item, not a menu.
LIST_ITEM_MIN_WORDS = 4
#: ... and so does a Title Case line with this share of digits: a table row, a score, a date.
LIST_ITEM_MIN_DIGIT_RATIO = 0.15
#: How a line ends (a full stop, closing quotes, a footnote mark) is read from its last this
#: many characters (cleaning/features.py): room for "said.”[12]", and a bound on time.
LINE_ENDING_CHARS = 16
#: A line longer than this is never one phrase of phrases.json with its punctuation, counts and
#: symbols (cleaning/patterns.py): the longest phrase has 52 characters, "Comments (1,234)"
#: style counts and » marks add a few; a bound on time, not tuned.
PHRASE_WHOLE_MAX_CHARS = 120
#: A picture credit is looked for in the last this many characters of a line, since a credit
#: ends its line ("... - Copyright AFP Menahem KAHANA"; cleaning/patterns.py): room for a
#: label and a credit of CREDIT_MAX_WORDS words; a bound on time.
CREDIT_HINT_TAIL_CHARS = 140

# --- scoring blocks for the main-text run (cleaning/region.py) ---------------------------------
# Prose scores its size in words; the rest score against. Tuned on the dev dumps: raising the
# short-line cost trades recall of list-heavy articles for precision on menu-heavy pages.

#: Prose packed between other lines, with no empty line on either side, scores this share of
#: its size: on the dev dumps 95% of the article's prose stands apart, and 40% of the rest
#: (teasers, sidebars) does not. Dumps with no empty lines, or with them everywhere, are
#: scaled evenly, so this changes nothing for them.
SCORE_UNSEPARATED_FACTOR = 0.25
#: A line that is only a date below the body's start opens a teaser or a comment: it costs
#: as much as this many words of prose (flat on the dev dumps from 30 to 120, and slightly
#: better than an impassable wall, which splits articles that quote a dated post).
SCORE_DATELINE = 100.0
#: A block inside the page's own article-body container scores at least this (HTML only: the
#: container holds the true text on 144 of the 181 dev pages; lifting its blocks, removed ones
#: included, took the HTML benchmark from 0.958 to 0.971).
SCORE_MARKED_MAIN = 1.0
#: A block an earlier step removed (chrome, a repeat, a caption).
SCORE_REMOVED = 8.0
#: A short line that is not a sentence (menu item, label, headline).
SCORE_SHORT = 8.0
#: A short line that looks like a list item of the article (several words, not Title Case).
SCORE_LIST_ITEM = 0.5
#: A long line that does not end like a sentence scores this share of its size against.
SCORE_UNENDED_FACTOR = 0.5
#: A long sentence with few stopwords (a list of names, a dense caption) scores this share.
SCORE_WEAK_PROSE_FACTOR = 0.2
#: A data table (HTML ``<table>`` read as data, a Markdown table) scores this share of its
#: size in words for the run: a table is content the page shows as data, not prose, so it
#: weighs as weak prose does (a standings page, which is its table, keeps it; a data table in
#: a sidebar weighs too little to pull the run to it). Checked on the three dev sets.
SCORE_TABLE_FACTOR = SCORE_WEAK_PROSE_FACTOR

# --- repeats (cleaning/steps/repeats.py) -------------------------------------------------------

#: A line repeated with more text within this many following lines is the shorter copy.
REPEAT_LOOKAHEAD = 3
#: ... if it has at least this many words (menu items are prefixes of each other by chance).
REPEAT_PREFIX_MIN_WORDS = 4
#: A paragraph of prose printed again within this many blocks of its last copy, by the same
#: markup, is the article's own repetition (a refrain, a passage quoted twice) and stays: the
#: Readability set's pages repeat paragraphs 1 to 5 blocks apart, a scrapinghub interview its
#: question 7 to 12; teasers and pre-paywall copies (fundus, scrapinghub) are 12 or more
#: away. Flat on the three dev sets from 12 to 16; 24 keeps a repeated call to action.
REPEAT_REFRAIN_MAX_GAP = 12

# --- chrome (cleaning/steps/chrome.py) ---------------------------------------------------------

#: Longer blocks are never judged chrome by phrase (a cookie notice runs to about 60 words).
CHROME_MAX_WORDS = 80
#: A leading phrase of this many words is unambiguous ("your email address will not be
#: published", "this website uses cookies").
CHROME_LONG_PHRASE_WORDS = 3
#: A label ("Sponsor: ...", "Related: ...") marks chrome up to this many words.
CHROME_LABEL_MAX_WORDS = 25
#: A one- or two-word phrase ("share", "more") marks chrome only in lines this short.
CHROME_SHORT_MAX_WORDS = 4

# --- paywall (cleaning/steps/paywall.py) -------------------------------------------------------

#: A paywall notice is short; a longer block that mentions subscribers is an article about them.
PAYWALL_MAX_WORDS = 40
#: A notice is where the article stops only when at most this share of the page's prose comes
#: after it (dev pages: truncated ones have 0 to 0.014 after their notice; the label "Article
#: réservé aux abonnés" above a Le Monde teaser has 0.91).
PAYWALL_MAX_PROSE_AFTER = 0.25

# --- captions (cleaning/steps/captions.py) -----------------------------------------------------

#: A caption has at least this many words before its credit.
CAPTION_MIN_WORDS = 3
#: ... and at most this many in all (longer blocks are paragraphs that mention a photo).
CAPTION_MAX_WORDS = 60
#: A caption separated from its credit line by an empty line must be this short.
CAPTION_SHORT_WORDS = 30
#: A credit names at most this many words ("Natalie Naccache | Bloomberg | Getty Images").
CREDIT_MAX_WORDS = 8
#: A credit line has at most this many words.
CREDIT_LINE_MAX_WORDS = 15
#: A credit follows its caption within this many input blocks (a repeat may stand between).
CAPTION_CREDIT_GAP = 3

# --- tails (cleaning/steps/tails.py) -----------------------------------------------------------

#: A tail marker is a short line: "You may also like:", "More from UK", "34 Comments".
TAIL_MARKER_MAX_WORDS = 8
#: "34 responses to “<title>” jane says:" opens comments even though it runs long.
COMMENT_COUNT_MAX_WORDS = 30
#: Words a related-content heading may add to its phrase ("More from UK").
TAIL_MARKER_EXTRA_WORDS = 3
#: Names an author-bio heading may add ("About Jane Doe").
TAIL_NAME_MAX_WORDS = 4
#: A marker opens a tail only after this many words of prose: a "Comments" or "About" link in
#: the menu above the article opens nothing.
TAIL_MIN_WORDS_BEFORE = 50.0
#: The article resumes after a related box with a paragraph this long (teasers are shorter).
TAIL_RESUME_WORDS = 40.0
#: A comment marker cuts the page when at least this share of the page's prose stands before it.
TAIL_MIN_PROSE_BEFORE = 0.5
#: A comment section is recognised by this many comment headers ("jane says:", "2 days
#: ago") within the next COMMENT_WINDOW blocks.
COMMENT_MIN_META_LINES = 2
COMMENT_WINDOW = 40

# --- title (cleaning/steps/title.py) -----------------------------------------------------------

#: A headline has this many words at least ("Le Monde" is a name, not a headline) ...
TITLE_MIN_WORDS = 3
#: ... and at most this many.
TITLE_MAX_WORDS = 30
#: A line in capitals among the first blocks is the masthead, not the headline.
MASTHEAD_MAX_POSITION = 2
#: Headlines are words: a line with more digits than this share is a date or a score.
TITLE_MAX_DIGIT_RATIO = 0.3
#: The headline is among the last lines above the body.
TITLE_SEARCH_LINES = 6

# --- inside the body (cleaning/steps/boilerplate.py, headings.py) ------------------------------

#: A capitalised line of at most this many words, with no text after it, is a stray label.
STRAY_LABEL_MAX_WORDS = 2
#: A subheading has at most this many words.
HEADING_MAX_WORDS = 15

# --- metadata in the header (cleaning/steps/dateline.py, byline.py, masthead.py) ---------------

#: The dateline is among this many lines above the body ...
DATELINE_SEARCH_LINES = 8
#: ... or the first lines of the body ...
DATELINE_BODY_LINES = 1
#: ... and is a short line, not a sentence that mentions a date.
DATELINE_MAX_CHARS = 120
#: A line that is only a date has at most this many words ("Updated: Tuesday, 19 November
#: 2019, 09:01 AM CET" has 9).
DATELINE_MAX_WORDS = 14
#: ... and a share of digits: "Posted on Monday, November 18, 2019 by Jane Doe" has 0.13, the
#: dev dumps' datelines 0.1 to 0.5; menu lines with a year ("World Cup 2019") are not read.
DATELINE_MIN_DIGIT_RATIO = 0.08
#: The byline is among this many lines above the body (or the body's first line).
BYLINE_SEARCH_LINES = 8
#: The agency is credited at the start of the opening paragraph or bio: "(Reuters) —".
AGENCY_SEARCH_CHARS = 150
#: A masthead is a short line in capitals ("THE AMERICA ONE NEWS").
MASTHEAD_MAX_WORDS = 6
#: An outlet's name is short ("Le Monde", "The Wall Street Journal").
PUBLISHER_MAX_WORDS = 5

# --- the main-text span (cleaning/region.py) ---------------------------------------------------

#: A byline or dateline among the first blocks of the best run marks where the body starts.
BODY_LEAD_BLOCKS = 6
#: A standfirst (prose above the body) is kept across at most this many blocks of header
#: furniture between it and the body: a byline, a date, a picture and its caption and credit
#: (fundus news pages: 1 to 4 such blocks between the lead and the body; buttons, "Listen" or
#: "Share", do not count).
LEAD_MAX_GAP = 4
#: A sentence of this many words or more, alone between the headline and the body, is a
#: subtitle (a lead shorter than a paragraph of prose; Readability set's RTL pages: 5 words).
#: Unchanged figures on fundus and scrapinghub from 3 to 6.
LEAD_SENTENCE_MIN_WORDS = 4
#: The article may resume after an interruption (related links, an ad) of at most this many
#: blocks ...
ASIDE_MAX_BLOCKS = 12
#: ... when what follows is worth at least this many words of prose ...
ASIDE_MIN_CONTINUATION = 30.0
#: ... and more than this many times what the interruption costs.
ASIDE_WORTH_FACTOR = 1.0
#: An ``<h1>`` with a date at most this many blocks below it, inside the run, is the header of
#: another article appended to the page (headline, standfirst, picture, bylines, then the
#: date: 6 blocks on the fundus page that showed it) ...
NEXT_ARTICLE_DATE_BLOCKS = 8
#: ... and ends the run when the run holds at least this many words of prose above it (so a
#: headline inside the run's first blocks, above its own article's date, never does).
NEXT_ARTICLE_MIN_WORDS = 50.0
#: A reading-time label ("Tempo de leitura: 2 minutos") is short; the longest in the three dev
#: sets and the dumps runs to 26 characters.
READING_TIME_MAX_CHARS = 40
#: A line that is only a relative time ("8 hours ago") is a wall like a dateline; such a stamp
#: is short, and longer lines are sentences that start with one.
RELATIVE_TIME_MAX_CHARS = 32

# --- dates, bylines and names in a line (metadata/dates.py, bylines.py, _names.py) -------------
# Checked on the header lines of the 181 dev dumps and the tests in tests/metadata.

#: A line longer than this is never read as a dateline (the dev dumps' stay under 100).
DATELINE_LINE_MAX_CHARS = 160
#: The most words a dateline may hold besides its dates, labels and weekdays (a place, an
#: author's name: "Posted 18 Nov 2019 by Jane Doe", "Remer, MN | Jun 20, 2025").
DATELINE_MAX_OTHER_WORDS = 4
#: Of those, the most in lower case: more is a sentence ("he said on 18 Nov 2019 that").
DATELINE_MAX_LOWER_WORDS = 1
#: The most letters of caseless scripts (Han, Arabic...) a dateline may hold besides its dates.
DATELINE_MAX_CASELESS_CHARS = 12
#: Longer lines are never bylines.
BYLINE_MAX_CHARS = 200
#: After a marker, the most words a byline may hold that are neither names, agencies, desks,
#: roles nor dates (a place: "in Paris", "envoyé spécial à Kiev").
BYLINE_MAX_OTHER_WORDS = 6
#: The most words a person's name may have.
NAME_MAX_WORDS = 5
#: A byline has at most this many words ("By Stefan Becket, Kathryn Watson, Grace Segers and
#: Camilo Montoya-Galvez | Updated on: November 19, 2019 / 9:07 PM" has 18).
BYLINE_MAX_WORDS = 20
#: After a name, the most words of a lower-case tail ("in Paris", "à Kiev").
BYLINE_NAME_TAIL_MAX_WORDS = 4
#: A Korean byline (홍길동 기자) starts within this many characters of the line's start ...
BYLINE_SUFFIX_MAX_PREFIX_CHARS = 30
#: ... and has at most this many words after its marker (an e-mail address, not the article).
BYLINE_SUFFIX_MAX_AFTER_WORDS = 2
#: A Chinese or Japanese byline's marker (记者) follows at most this many characters (新华社,
#: 本报) ...
BYLINE_CJK_MAX_PREFIX_CHARS = 10
#: ... and leaves at most this many after its names; more is the article going on.
BYLINE_CJK_MAX_REST_CHARS = 20
#: An agency's alias of at most this many letters (AFP, AP, dpa, ANSA) matches only as
#: written, in its case ("ap" and "Dpa" are words); longer aliases match case- and
#: accent-folded (metadata/agencies.py, data/agencies.json).
AGENCY_EXACT_MAX_LETTERS = 5
#: A weekday's name of at least this many letters ("Monday", "Lundi") is never part of a
#: person's name; shorter ones ("Sun", "Mar") may be (metadata/_names.py).
NAME_WEEKDAY_MIN_CHARS = 5
#: An all-capitals word of this many letters beside mixed-case words is an acronym (CNN, AFP),
#: not a name in capitals (metadata/_names.py).
ACRONYM_MIN_LETTERS = 3
ACRONYM_MAX_LETTERS = 4
#: Between a date and its time, at most this many separators and connector words are skipped
#: ("18 Nov 2019, at 09:01", "18.11.2019 um 9:01 Uhr"; metadata/dates.py).
DATE_TIME_GLUE_TOKENS = 3
#: A year is read between these (metadata/_calendar.py): a four-digit number outside them is a
#: count or a code. Bounds, not tuned.
DATE_MIN_YEAR = 1000
DATE_MAX_YEAR = 2999
#: A two-digit year below this is 20xx, else 19xx ("18/11/19" is 2019, "5/3/85" is 1985); a
#: convention close to POSIX strptime's (69), not tuned.
TWO_DIGIT_YEAR_PIVOT = 70

# --- tables (formats/dump/tables.py, formats/html/tables.py) -----------------------------------

#: An HTML data table has at least this many rows with text (one row is a line, not a table) ...
TABLE_MIN_ROWS = 2
#: ... and one row with at least this many cells (one column is a list, not a table).
TABLE_MIN_COLUMNS = 2
#: Lines an aligned-columns table in a dump has at least: two lines that line up may be chance.
TABLE_MIN_COLUMN_ROWS = 3

# --- HTML pages (formats/html/, cleaning/steps/markup.py) --------------------------------------

# "Dev pages" below means the 181 pages of the scrapinghub article-extraction benchmark
# (``benchmarks/html_pages.py``), the same pages whose Chromium dumps tune the rest of this file.

#: The HTML parser's ``can_parse`` score for a document that starts like a page (a doctype,
#: ``<html>``, ``<head>`` or ``<body>``) ...
HTML_PAGE_SCORE = 0.95
#: ... and for one that starts with a block element (``<div>``, ``<p>``...): an HTML fragment.
HTML_FRAGMENT_SCORE = 0.6
#: How far into a page format sniffing looks (after a byte-order mark and whitespace).
HTML_SNIFF_CHARS = 1024
#: A page's hidden elements are read too when the largest holds this many times the text of
#: the whole visible page: its article is hidden, not a menu (a fundus page streamed
#: into hidden containers, 5,386 characters to 0; pages of the three dev sets that hide
#: menus, galleries or a second copy of the article: at most 2.95 times).
HIDDEN_ARTICLE_MIN_RATIO = 4.0
#: ... and at least this many characters: a few paragraphs, not a hidden label (the fundus
#: page: 5,386).
HIDDEN_ARTICLE_MIN_CHARS = 500
#: A block run marked as a cookie notice that holds most of the page's prose is still one when
#: this many of its blocks say "cookie" (a consent dialog's long policy text outweighed a
#: short Reuters article in the fundus set; the wrappers this exemption is for, a page inside a
#: "content-sidebar-wrap" or an ASP.NET form, do not talk about cookies).
MARKUP_COOKIE_MIN_MENTIONS = 2
#: A placeholder of embedded content that asks for consent ("An dieser Stelle findest du einen
#: externen Inhalt von YouTube ... Ich bin damit einverstanden") is a short box: the longest on
#: the fundus pages runs to 70 words; a longer run of blocks marked "embed" (a live ticker, an
#: embedded post) is content.
MARKUP_CONSENT_BOX_MAX_WORDS = 120
#: How far into a page its declared charset is looked for (the head, in practice: the dev
#: pages declare it within the first 3 KiB; a browser prescans 1 KiB and then keeps looking).
HTML_CHARSET_SCAN_BYTES = 64 * 1024
#: A page whose bytes fail its declared charset on more than this share of bytes declares the
#: wrong one, and its encoding is detected instead.
HTML_MAX_MISDECLARED_SHARE = 0.001
#: A block with at least this share of its characters inside links is a menu or a list of
#: headlines (the ``markup`` step) ...
MARKUP_LINK_DENSITY = 0.5
#: A container or class hint that holds this share of a page's words marks the page's
#: wrapper (an ASP.NET ``<form>``, a "has-sidebar" body), not a part to drop.
MARKUP_PAGE_WIDE = 0.5
#: ... and a block of this many words or more with at least this share (a sentence with a
#: few links in it is longer, and less linked).
MARKUP_LONG_BLOCK_WORDS = 15
MARKUP_LONG_LINK_DENSITY = 0.7

# --- metadata a page declares (metadata/page/) ------------------------------------------------
# Checked on the 181 pages of the scrapinghub benchmark (html/*.html.gz) and on the pages of
# tests/metadata/test_page_*.py.

#: Declared dates before this year are placeholders (0001-01-01, .NET's and SQL's empty date),
#: not publication dates; the Unix epoch (1970-01-01) is rejected as well.
PAGE_DATE_MIN_YEAR = 1900
#: A declared date is believed up to this many days after the capture date when either has no
#: time zone (a page captured late on the 18th, UTC, may say the 19th in Tokyo).
PAGE_CAPTURE_SLACK_DAYS = 1
#: A tag or a section longer than this is a sentence, not a label (the benchmark's longest
#: real tags have about 40 characters).
PAGE_TAG_MAX_CHARS = 80
#: A title's affix names the site ("Headline - Los Angeles Times") when it has at most this
#: many words and names the page's domain.
PAGE_TITLE_AFFIX_MAX_WORDS = 5
#: Detection reads the text of at most this many bytes of a page, its markup taken out.
HTML_DETECTION_SAMPLE_BYTES = 256 * 1024
#: How many JSON values nested in one another are followed (objects in @graph, authors...): a
#: bound on time and stack.
PAGE_JSON_MAX_DEPTH = 12
#: Longer JSON-LD scripts are not repaired when they fail to parse (bounded time; real
#: JSON-LD has a few kilobytes).
PAGE_JSON_REPAIR_MAX_CHARS = 256 * 1024
#: A site's or an organisation's name is at most this long (longer is a slogan or a sentence).
PAGE_SITE_NAME_MAX_CHARS = 100
PAGE_SITE_NAME_MAX_WORDS = 12
#: A title's site name follows one of its last this many separators ("Headline | Section |
#: Site"); earlier ones are the headline's own.
PAGE_TITLE_SUFFIX_PARTS = 3
#: Longer host labels are not read as a site's name (they are hashes or slugs).
PAGE_HOST_LABEL_MAX_CHARS = 40
#: How much of the text before a ``<time>`` is read for its label ("Updated:", "Publié le").
PAGE_TIME_LABEL_CHARS = 40
#: How much of an element's text is read as a value (a headline, a name, a date): a bound.
PAGE_ELEMENT_TEXT_MAX_CHARS = 500
#: A longer author value is a bio or a paragraph, not a byline (bylines have at most
#: ``BYLINE_MAX_CHARS``; an e-mail address may come with them).
PAGE_AUTHOR_MAX_CHARS = 300
#: At most this many authors are read from one value (a list of hundreds is not a byline).
PAGE_AUTHORS_MAX = 50
#: A byline marker this many words into an author value starts the byline ("Analysis by").
PAGE_AUTHOR_MARKER_MAX_POSITION = 3

# --- safety limits (limits.py) -----------------------------------------------------------------
# The user-facing limits are settings (newscorpus.Limits); these are the heuristics behind them.

#: The compression ratio is only checked once this many bytes came out: small files of
#: repeated bytes compress far better than text, and 1 MiB of a bomb is harmless. Checked
#: against tests/hostile (a 2 GB gzip bomb stops after about 13 MB) and gzip/zstd/bz2 of the
#: scrapinghub benchmark pages (ratios 3 to 9, never near the default limit of 100).
LIMITS_RATIO_FLOOR_BYTES = 1024 * 1024

# --- the cluster runner (cluster/) ---------------------------------------------------------------
# Set with benchmarks/cluster.py (the scrapinghub dumps and pages, 2 cores shared).

#: Bytes of input a partition holds by default (``run_on_dask(partition_size=)``): about 5 s of
#: parsing for HTML pages (~40 pages/s of 180 KB) and about 40 s for dumps (~100/s of 9 KB) on
#: one core, so the fixed cost of a partition (~17 ms: a task, a Parquet file) is under 1 %.
CLUSTER_PARTITION_BYTES = 32 * 1024 * 1024
#: Bytes read at a time when a big JSON Lines file is scanned for line starts and newlines.
CLUSTER_SCAN_CHUNK_BYTES = 1024 * 1024

# --- corpus deduplication (dedup/) --------------------------------------------------------------
# The user-facing thresholds are settings (newscorpus.DedupSettings); these are the heuristics
# behind them. "The synthetic corpus" is the one benchmarks/dedup.py builds from the 181 bodies
# of the scrapinghub benchmark; "the seeds" are tests/fixtures/seeds.

#: Shingles at the start of a body that make its "head" signature, indexed beside the whole
#: body's so that a copy cut at a paywall still meets the full text (the synthetic corpus: copies
#: cut at a paywall keep 25 % to 70 % of paragraphs and at least 60 words; texts average 450).
DEDUP_HEAD_SHINGLES = 80
#: An LSH bucket with more documents than this is joined as a star around its first member (by
#: id) instead of pair by pair: cost stays linear when a page was captured thousands of times.
DEDUP_MAX_BUCKET = 500
#: Documents hashed, shingled and signed in one vectorised batch (about 450 words a document on
#: the synthetic corpus: a batch holds some 60 bytes a word, about 30 MiB).
DEDUP_BATCH_DOCUMENTS = 1024
#: Below this many distinct shingles the shorter text of a pair is compared by Jaccard
#: similarity, not containment: a line or two (a shared quote, an intro, chrome) is "contained"
#: in many texts, and the estimate of a small set's containment is noisy (the synthetic corpus:
#: every false syndication edge had a shorter text of 9 to 30 shingles).
DEDUP_MIN_CONTAINED_SHINGLES = 40
#: Standard errors taken off the MinHash estimate before it is compared with a threshold (its
#: lower confidence bound): with 100,000 synthetic documents, the plain estimate let cut copies
#: "contain" paraphrases of their text by luck (syndication precision 0.980, 0.99+ with it).
DEDUP_CONFIDENCE_Z = 2.0
#: Weighted terms kept per document for story similarity (unigrams and bigrams of content words;
#: with 64 the seeds' same-event pair has cosine 0.55 and the other summit at most 0.33).
STORY_TERMS = 64
#: A term among more documents' top terms than this is too common to tell stories apart: it is
#: left out of the index and of the cosine (an IDF cut that needs no corpus below this size);
#: bounds the pairs summed (100,000 synthetic documents: 97 story pairs in 4 s).
STORY_MAX_POSTINGS = 200
#: Two documents are one story only when they share this many indexed terms (the seeds' pair on
#: one event shares 28 of 64; the other summit shares 8 and 15 with them).
STORY_MIN_SHARED_TERMS = 4
#: Words of fewer UTF-8 bytes are not story terms, unless numbers ("32 prisoners" counts).
STORY_MIN_TOKEN_CHARS = 3

# --- comments (cleaning/steps/comments.py) ------------------------------------------------------

#: A comment's heading line (its author's name, its date) has at most this many words: names
#: and dates are short, and a comment's first sentence is longer.
COMMENT_HEADING_MAX_WORDS = 6

# --- what is text (formats/sniff.py) ------------------------------------------------------------

#: How far into a payload the text check looks for control bytes.
TEXT_SNIFF_BYTES = 4096
#: Text in any encoding holds no C0 control bytes but tab, line ends, form feed and escape;
#: random or compressed data has 12% of them (30 of 256 byte values), an image or program more
#: in its headers. Past this share the payload is not text (a stray NUL in a dump is kept).
TEXT_MAX_CONTROL_SHARE = 0.02
#: UTF-16 without a byte-order mark has a NUL in this share of its byte pairs at least, all at
#: one offset (text in Latin, Greek or Cyrillic script; CJK UTF-16 needs its mark).
UTF16_MIN_NUL_SHARE = 0.5
#: A CSV field may run this many characters past ``max_document_bytes`` before it ends its
#: file: a row just past the limit fails alone, a runaway field (an unclosed quote) stops soon.
CSV_FIELD_SLACK_CHARS = 1024 * 1024
