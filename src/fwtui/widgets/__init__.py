"""Widgets the screens share: lists and panes with vim keys, the footer, literal text."""
