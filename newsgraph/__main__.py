"""``python -m newsgraph`` runs the command-line interface."""
from newsgraph.cli.main import main

main()
