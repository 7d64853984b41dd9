"""`python -m framelens` works the same as the `framelens` command."""

import sys

from framelens.cli import main

sys.exit(main())
