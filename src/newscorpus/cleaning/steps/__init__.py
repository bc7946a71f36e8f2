"""The built-in cleaning steps, one module each, registered in :data:`newscorpus.registry.cleaners`.

Importing this package registers them all; :data:`newscorpus.cleaning.DEFAULT_STEPS` gives
their default order (``comments`` is not among them: ``parse(..., comments=True)`` adds it).
"""

from newscorpus.cleaning.steps.boilerplate import Boilerplate
from newscorpus.cleaning.steps.byline import Byline
from newscorpus.cleaning.steps.captions import Captions
from newscorpus.cleaning.steps.chrome import Chrome
from newscorpus.cleaning.steps.comments import Comments
from newscorpus.cleaning.steps.dateline import Dateline
from newscorpus.cleaning.steps.debris import Debris
from newscorpus.cleaning.steps.headings import Headings
from newscorpus.cleaning.steps.language import Language
from newscorpus.cleaning.steps.markup import Markup
from newscorpus.cleaning.steps.masthead import Masthead
from newscorpus.cleaning.steps.normalize import Normalize
from newscorpus.cleaning.steps.paywall import Paywall
from newscorpus.cleaning.steps.repeats import Repeats
from newscorpus.cleaning.steps.tails import Tails
from newscorpus.cleaning.steps.title import Title
from newscorpus.cleaning.steps.zones import Zones

__all__ = [
    "Boilerplate",
    "Byline",
    "Captions",
    "Chrome",
    "Comments",
    "Dateline",
    "Debris",
    "Headings",
    "Language",
    "Markup",
    "Masthead",
    "Normalize",
    "Paywall",
    "Repeats",
    "Tails",
    "Title",
    "Zones",
]
