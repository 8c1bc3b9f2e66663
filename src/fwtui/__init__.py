"""fwtui: choose a Python web framework in the terminal."""

__version__ = "0.1.0"
