"""Views of the computed report, independent of where they are laid out: display values, tables,
charts, lists and signatures."""
