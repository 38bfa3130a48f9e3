"""The official record: what a signed report shows (the printed values in place), and editions
approved after signing with their ralat."""
