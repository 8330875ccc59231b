"""Shared fixtures: paths, and one loaded pipeline for the whole test session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the ../shared folder ships only with the project's workspace)")
    return path


@pytest.fixture(scope="session")
def extractor():
    """The full default pipeline, loaded once."""
    from newsgraph.pipeline.run import Extractor
    return Extractor()


@pytest.fixture(scope="session")
def nlp():
    """The full default spaCy pipeline (every newsgraph component), built once; test
    modules that need another configuration define their own ``nlp``."""
    from newsgraph.pipeline.nlp import build_nlp
    return build_nlp()
