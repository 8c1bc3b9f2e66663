"""The advisor: answers in, an explained ranking out (plain Python, no Textual)."""
