"""Synthetic graphs of a given size in the project's own schema, for the latency benchmarks.

`synthetic` invents reports (as the extraction contract's `Extraction`, with release metadata) whose
entities are shared with a preferential-attachment skew, so a few phones, organisations, documents
and places become hubs; `write` turns each into the loader's own rows (`ingest.load_rows.build_plan`)
and writes many reports per transaction with the loader's own `cypher/ingest/merge_*` queries; `store`
keeps a built graph in a persistent data directory under /tmp/bench-smugglegraph so it is built once and measured many
times.
"""
