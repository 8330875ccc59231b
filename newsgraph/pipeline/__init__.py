"""The spaCy pipeline and the Python API around it.

``nlp`` builds the pipeline from the model package and the registered
components, ``run`` holds :class:`Extractor` (articles in, records out),
``parallel`` spreads articles over processes, ``ray_engine`` over a Ray
cluster (writing ``shards``), and ``ingest`` puts articles into the store
(hash → skip unchanged → extract → save → link).
"""
from newsgraph.pipeline.run import Extractor

__all__ = ["Extractor"]
