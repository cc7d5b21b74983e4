"""`python -m hds_api …`: the command line."""

import sys

from .cli import main

sys.exit(main())
