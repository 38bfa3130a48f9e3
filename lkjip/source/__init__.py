"""Reading sources with their positions: text files, YAML with marks, Markdown tokens."""
