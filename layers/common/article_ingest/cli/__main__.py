"""`python -m article_ingest.cli`: the same as the `article-ingest` command."""

import sys

from . import main

sys.exit(main())
