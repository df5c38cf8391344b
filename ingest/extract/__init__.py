"""Extraction: a spaCy pipeline that turns one normalised report into an `Extraction`.

`build_pipeline()` assembles the statistical model and the project's own components (all
registered as `sg_*` factories); `extract()` / `extract_many()` run it and assemble the result.
"""

from __future__ import annotations

from ingest.extract.pipeline import build_pipeline, extract, extract_many

__all__ = ["build_pipeline", "extract", "extract_many"]
