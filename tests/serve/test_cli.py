"""The `serve` command: it refuses a database that is not there, and other commands do not import the web stack."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from linimasa.cli import main


def test_serve_refuses_a_missing_database_and_says_how_to_make_one(tmp_path, monkeypatch):
    monkeypatch.delenv("LINIMASA_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.output and "linimasa run" in result.output


def test_other_commands_start_without_the_web_stack():
    code = "import sys, linimasa.cli; print(sorted({'fastapi', 'uvicorn', 'jinja2'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
