"""``python -m ui``: the same as the ``posbridge`` command."""

import sys

from ui.launcher import main

sys.exit(main())
