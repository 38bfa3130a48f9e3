"""The check stage: what the signed document printed against what the data compute, the corrections
readers see, the judging words, the quotes and links of the chapters."""
