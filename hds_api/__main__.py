"""`python -m hds_api …`: the command line."""

import sys

from .cli.main import main

sys.exit(main())
