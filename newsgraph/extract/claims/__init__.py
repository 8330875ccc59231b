"""The newsgraph_claims spaCy component (``component.py``) and its parts."""
