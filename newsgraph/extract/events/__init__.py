"""The newsgraph_events spaCy component (``component.py``) and its parts."""
