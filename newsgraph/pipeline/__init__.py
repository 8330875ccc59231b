"""The spaCy pipeline and the Python API around it.

``nlp`` builds the pipeline from the model package and the registered
components, ``run`` holds :class:`Extractor` (articles in, records out) and
``parallel`` spreads articles over processes.
"""
from newsgraph.pipeline.run import Extractor

__all__ = ["Extractor"]
