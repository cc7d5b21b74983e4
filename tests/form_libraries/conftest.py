"""Running the form libraries themselves (node, packages pinned in tests/js/package-lock.json)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

JS = Path(__file__).resolve().parents[1] / "js"


@pytest.fixture
def run_node(tmp_path):
    """Run a script of tests/js on a JSON input; its JSON output, after checking it printed no warning."""
    node = shutil.which("node")
    if node is None or not (JS / "node_modules").is_dir():
        pytest.fail("node and tests/js/node_modules are needed: `npm ci --prefix tests/js` (scripts/test.sh does it)")

    def run(script: str, payload: dict[str, Any]) -> dict[str, Any]:
        source = tmp_path / f"{script}.json"
        source.write_text(json.dumps(payload), encoding="utf-8")
        done = subprocess.run(
            [node, str(JS / script), str(source)], cwd=JS, capture_output=True, text=True, timeout=300, check=False
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == "", done.stderr  # the libraries warn on stderr (a schema they cannot compile, ...)
        return json.loads(done.stdout)

    return run
