"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, pg_ctl start on a free local port,
removed after. Runs the server as the `postgres` user when the tests run as root (PostgreSQL refuses root)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def available() -> bool:
    return _binary("initdb") is not None and _binary("pg_ctl") is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server():
    """Yields the URL of a fresh, empty database `linimasa` on a server of its own."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    user = "postgres" if os.geteuid() == 0 else None
    folder = Path(tempfile.mkdtemp(prefix="linimasa-pg-"))
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    if user:
        shutil.chown(folder, user)
        shutil.chown(sockets, user)
    port = _free_port()
    run = dict(user=user, check=True, capture_output=True, text=True)
    try:
        subprocess.run([initdb, "-D", str(data), "-U", "linimasa", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
                       **run)
        subprocess.run([pg_ctl, "-D", str(data), "-w", "-t", "60", "-l", str(folder / "log"), "-o",
                        f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off", "start"], **run)
        import psycopg

        with psycopg.connect(f"postgresql://linimasa@127.0.0.1:{port}/postgres", autocommit=True) as conn:
            conn.execute("CREATE DATABASE linimasa")
        yield f"postgresql://linimasa@127.0.0.1:{port}/linimasa"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run([pg_ctl, "-D", str(data), "-m", "immediate", "stop"], user=user, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
