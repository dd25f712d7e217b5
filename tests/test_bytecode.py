"""The Makefile's commands keep compiled bytecode (in .cache/pycache) even where the environment
sets PYTHONDONTWRITEBYTECODE: each Python process of the test run would compile Django and the
portal again."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOW = "import sys; print(sys.pycache_prefix, sys.dont_write_bytecode)"


def test_make_keeps_bytecode_in_the_checkouts_cache():
    rule = f"bytecode-shown: ; @{sys.executable} -c '{SHOW}'"
    result = subprocess.run(  # noqa: S603
        ["make", "--no-print-directory", "--eval", rule, "bytecode-shown"],  # noqa: S607
        cwd=ROOT,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == [str(ROOT / ".cache" / "pycache"), "False"]
