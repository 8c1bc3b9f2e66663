"""``python -m fwtui``."""

import sys

from fwtui.cli import main

sys.exit(main())
