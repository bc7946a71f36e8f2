"""``python -m newscorpus.cli``: the same as the ``newscorpus`` command."""

import sys

from newscorpus.cli.main import main

sys.exit(main())
