"""newscorpus: raw scraped news material in, clean, typed, auditable article corpora out.

Everything a user reaches for is importable from here: :func:`parse` for one document, the
models and their JSON record, the corpus readers, runner and writers, deduplication, the
cleaning pipeline and the parser registries for extending it, the limits and the exceptions.
The subpackages group the same names by topic (docs/api); modules and names starting with an
underscore are internal.

>>> import newscorpus
>>> article = newscorpus.parse("A short dump.\\n")
>>> isinstance(article, newscorpus.Article)
True
"""

from newscorpus._version import __version__
from newscorpus.api import parse
from newscorpus.cleaning import DEFAULT_STEPS, Pipeline, Step, cleaning_step, default_pipeline
from newscorpus.corpus import (
    Corpus,
    CorpusWriter,
    CsvWriter,
    JsonLinesWriter,
    ParquetWriter,
    RunSummary,
    open_writer,
    read_corpus,
    read_documents,
    run_corpus,
)
from newscorpus.dedup import DedupResult, DedupSettings, deduplicate, find_duplicates
from newscorpus.draft import Draft, DraftBlock
from newscorpus.errors import (
    CorpusError,
    CorpusFormatError,
    CorpusNotFoundError,
    FormatError,
    InputError,
    LimitError,
    MissingDependencyError,
    NewsCorpusError,
    NotTextError,
    OutputError,
    OutputExistsError,
    ParserFailedError,
    PipelineError,
    RecordError,
    RegistryError,
    ResumeError,
    RunFailedError,
    SchemaError,
    SettingError,
    SourceNotFoundError,
    TimeLimitExceeded,
    UnknownFormatError,
    WriterClosedError,
)
from newscorpus.formats import Parser, RawDocument, SiteParser, SiteResult, site_parser
from newscorpus.limits import DEFAULT_LIMITS, Limits
from newscorpus.models import (
    BLOCK_KINDS,
    SCHEMA_VERSION,
    Article,
    ArticleWarning,
    Block,
    BlockKind,
    Comment,
    Edit,
    Link,
    Media,
    ParserInfo,
    Paywall,
    Removal,
    TableRow,
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
    "ArticleWarning",
    "Block",
    "BlockKind",
    "Comment",
    "Corpus",
    "CorpusError",
    "CorpusFormatError",
    "CorpusNotFoundError",
    "CorpusWriter",
    "CsvWriter",
    "DedupResult",
    "DedupSettings",
    "Draft",
    "DraftBlock",
    "Edit",
    "FormatError",
    "InputError",
    "JsonLinesWriter",
    "LimitError",
    "Limits",
    "Link",
    "Media",
    "MissingDependencyError",
    "NewsCorpusError",
    "NotTextError",
    "OutputError",
    "OutputExistsError",
    "ParquetWriter",
    "Parser",
    "ParserFailedError",
    "ParserInfo",
    "Paywall",
    "Pipeline",
    "PipelineError",
    "RawDocument",
    "RecordError",
    "Registry",
    "RegistryError",
    "Removal",
    "ResumeError",
    "RunFailedError",
    "RunSummary",
    "SchemaError",
    "SettingError",
    "SiteParser",
    "SiteResult",
    "SourceNotFoundError",
    "Step",
    "SyndicationGroup",
    "TableRow",
    "TimeLimitExceeded",
    "UnknownFormatError",
    "WriterClosedError",
    "__version__",
    "cleaners",
    "cleaning_step",
    "deduplicate",
    "default_pipeline",
    "find_duplicates",
    "from_dict",
    "open_writer",
    "parse",
    "parsers",
    "read_corpus",
    "read_documents",
    "run_corpus",
    "site_parser",
    "to_dict",
]
