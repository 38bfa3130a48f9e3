"""The report as data: its files and subjects, validation, the computed figures, and the catalog of
what chapters may place and quote."""
