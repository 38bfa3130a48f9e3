"""The portal: every report under one folder built into one site, with pages comparing them.

A kabupaten (or one office keeping several years) publishes all its LKjIP together:
`discover` finds the reports, `inputs` fingerprints what each is built from, `report` builds
one and writes its site and a small summary, `shard` picks a CI job's share, `compare` and
`pages` make the index pages and open data from the summaries alone, and `command` is the
`portal` command. The index is made only from the summaries, so shards built on separate
machines and a final `--indeks` give the same bytes as one build.
"""
