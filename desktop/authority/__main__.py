"""python -m desktop.authority: the license authority's command line."""

import sys

from desktop.authority.cli import main

sys.exit(main())
