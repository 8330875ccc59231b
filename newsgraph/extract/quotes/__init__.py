"""The newsgraph_quotes spaCy component (``component.py``) and its parts."""
