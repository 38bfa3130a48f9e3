"""Rendering: the catalogue of what Markdown may place, chapters, templates, the site."""
