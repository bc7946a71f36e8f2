"""newscorpus: raw scraped news material in, clean, typed, auditable article corpora out.

>>> import newscorpus
>>> article = newscorpus.parse("A short dump.\\n")
>>> isinstance(article, newscorpus.Article)
True
"""

from newscorpus._caches import clear_caches
from newscorpus._version import __version__
from newscorpus.api import parse
from newscorpus.cleaning import DEFAULT_STEPS, Pipeline, Step, cleaning_step, default_pipeline
from newscorpus.corpus import read_corpus, read_documents
from newscorpus.dedup import DedupResult, DedupSettings, deduplicate, find_duplicates
from newscorpus.draft import Draft, DraftBlock
from newscorpus.errors import (
    FormatError,
    InputError,
    LimitError,
    NewsCorpusError,
    PipelineError,
    RegistryError,
    SchemaError,
    SourceNotFoundError,
    UnknownFormatError,
)
from newscorpus.formats import Parser, RawDocument, SiteParser, SiteResult, site_parser
from newscorpus.limits import DEFAULT_LIMITS, Limits
from newscorpus.models import (
    BLOCK_KINDS,
    SCHEMA_VERSION,
    Article,
    Block,
    BlockKind,
    Edit,
    Media,
    ParserInfo,
    Paywall,
    Removal,
    from_dict,
    to_dict,
)
from newscorpus.models.article import SyndicationGroup
from newscorpus.registry import Registry, cleaners, parsers

__all__ = [
    "BLOCK_KINDS",
    "DEFAULT_LIMITS",
    "DEFAULT_STEPS",
    "SCHEMA_VERSION",
    "Article",
    "Block",
    "BlockKind",
    "DedupResult",
    "DedupSettings",
    "Draft",
    "DraftBlock",
    "Edit",
    "FormatError",
    "InputError",
    "LimitError",
    "Limits",
    "Media",
    "NewsCorpusError",
    "Parser",
    "ParserInfo",
    "Paywall",
    "Pipeline",
    "PipelineError",
    "RawDocument",
    "Registry",
    "RegistryError",
    "Removal",
    "SchemaError",
    "SiteParser",
    "SiteResult",
    "SourceNotFoundError",
    "Step",
    "SyndicationGroup",
    "UnknownFormatError",
    "__version__",
    "cleaners",
    "cleaning_step",
    "clear_caches",
    "deduplicate",
    "default_pipeline",
    "find_duplicates",
    "from_dict",
    "parse",
    "parsers",
    "read_corpus",
    "read_documents",
    "site_parser",
    "to_dict",
]
