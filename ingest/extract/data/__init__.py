"""Data files the extraction components load: gazetteers, demonyms, synonyms, pipeline config."""
