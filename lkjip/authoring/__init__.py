"""Authoring: starting a report. `baru` writes a new office's report, or next year's from this year's."""
