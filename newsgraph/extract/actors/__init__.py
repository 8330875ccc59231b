"""The newsgraph_actors spaCy component (``component.py``) and its parts."""
