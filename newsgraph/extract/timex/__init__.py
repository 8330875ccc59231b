"""The newsgraph_timex spaCy component (``component.py``) and its parts."""
