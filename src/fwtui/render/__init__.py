"""Every output format: text, Markdown, JSON, CSV and the decision record (no Textual)."""
