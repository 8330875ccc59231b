"""A user's plain ``python3.11 -m venv v && v/bin/pip install .`` gives a working newsgraph.

The venv keeps the pip that ships with Python 3.11 (not upgraded): older pips
do not install the extras a dependency asks for (justext wants
``lxml[html_clean]``), so every module newsgraph needs must be declared
directly. Slow (a full install, from pip's wheel cache when it is warm), but it
is the only test that sees what a new user's install sees.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
OFFLINE_SIGNS = ("NewConnectionError", "Temporary failure in name resolution", "Network is unreachable",
                 "Could not fetch URL", "No matching distribution found", "ConnectTimeoutError")


@pytest.mark.slow
def test_install_with_stock_pip_gives_a_working_command(tmp_path):
    python = shutil.which("python3.11") or (sys.executable if sys.version_info[:2] == (3, 11) else None)
    if python is None:
        pytest.skip("no python3.11 on PATH to build a fresh venv with")
    src = tmp_path / "src"
    src.mkdir()
    shutil.copytree(REPO / "newsgraph", src / "newsgraph",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, src / name)
    venv = tmp_path / "v"
    subprocess.run([python, "-m", "venv", str(venv)], check=True, timeout=120)
    install = subprocess.run([str(venv / "bin" / "pip"), "install", "-v", str(src)],
                             capture_output=True, text=True, timeout=1500)
    output = install.stdout + install.stderr
    if install.returncode != 0 and any(sign in output for sign in OFFLINE_SIGNS):
        pytest.skip("the package index cannot be reached (offline?): " + output.strip().splitlines()[-1])
    assert install.returncode == 0, output[-3000:]
    assert "SetuptoolsDeprecationWarning" not in output   # e.g. a licence given as a TOML table
    helped = subprocess.run([str(venv / "bin" / "newsgraph"), "--help"], capture_output=True, text=True,
                            timeout=120)
    assert helped.returncode == 0, helped.stderr
    assert "Traceback" not in helped.stderr and "extract" in helped.stdout
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Talks</title></head><body><article><p>Paris and Berlin agreed "
                    "on Friday to hold talks about the border dispute next month.</p></article></body></html>")
    run = subprocess.run([str(venv / "bin" / "newsgraph"), "extract", str(page), "-o", "-", "--quiet"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert '"id": "page"' in run.stdout
