"""Allow `python -m handoff`, which the installer bundle and tests use."""

import sys

from handoff.cli import main

sys.exit(main())
