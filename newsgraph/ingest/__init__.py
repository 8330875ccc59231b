"""Stage 1: inputs (files, folders, JSON Lines, HTML pages, stdin) to article records."""
from newsgraph.ingest.sources import DEFAULT_MAX_BYTES, read_inputs

__all__ = ["read_inputs", "DEFAULT_MAX_BYTES"]
