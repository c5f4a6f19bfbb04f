"""A throwaway PostgreSQL server in a temporary folder, for tests and benchmarks.

The team store's tests and ``bench/team.py`` run against a real server, not a mock.  This
starts one from the machine's PostgreSQL programs (Debian's ``postgresql`` package puts
them in ``/usr/lib/postgresql/<version>/bin``; ``BRIEFROOM_PG_BIN`` names another folder):
``initdb`` into a new folder, then ``postgres`` listening on a free port of 127.0.0.1 only
(no Unix socket, nothing reachable from another machine), with trust authentication for
the one superuser it creates.

PostgreSQL refuses to run as root.  Started by root (a CI machine, a container), the
server runs as the ``nobody`` user and owns its folder; otherwise as the current user.
It dies with the process that started it (a killed test run leaves no server behind) and
`PgServer.stop` removes its folder.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from search.processes import die_with_parent_hook

SUPERUSER = "briefroom"
_START_TIMEOUT = 30.0


class PgServerUnavailable(Exception):
    """No PostgreSQL programs on this machine, or the server would not start."""


def find_bindir() -> Path | None:
    """The folder of PostgreSQL's server programs (newest version), or None."""
    named = os.environ.get("BRIEFROOM_PG_BIN")
    if named:
        return Path(named) if (Path(named) / "postgres").exists() else None
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/postgres"),
        key=lambda p: _version_key(p.parent.parent.name),
    )
    if found:
        return found[-1].parent
    on_path = shutil.which("postgres")
    return Path(on_path).parent if on_path else None


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(part) for part in name.split(".") if part.isdigit())


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PgServer:
    """A running throwaway server; `url` connects to a database of it."""

    folder: Path
    port: int
    process: subprocess.Popen[bytes]
    _databases: int = field(default=0)

    def url(self, database: str = "postgres", user: str = SUPERUSER) -> str:
        """The connection URL of ``database`` as ``user``."""
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str | None = None, *, copy_of: str | None = None) -> str:
        """Make a new database, empty or a copy of the database ``copy_of`` (a name, with
        no one connected to it), and return its URL."""
        import psycopg

        if name is None:
            self._databases += 1
            name = f"briefroom_{os.getpid()}_{self._databases}"
        template = copy_of or "template0"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}" ENCODING UTF8')
        return self.url(name)

    def stop(self) -> None:
        """Stop the server (fast shutdown) and remove its folder."""
        if self.process.poll() is None:
            # SIGINT is PostgreSQL's fast shutdown (clients are disconnected); SIGTERM
            # would be its smart one, which waits for every client to leave.
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> PgServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(*, durable: bool = False, settings: dict[str, str] | None = None) -> PgServer:
    """Start a new server in a temporary folder.

    The server is killed when the thread that started it ends (Linux's parent-death
    signal follows the thread): start it from the main thread, or one that outlives it.

    Args:
        durable: Keep PostgreSQL's crash safety (``fsync``); tests turn it off for speed,
            a benchmark that compares with SQLite's durable writes keeps it.
        settings: More ``postgres -c`` settings.

    Raises:
        PgServerUnavailable: no PostgreSQL programs, or the server did not start.
    """
    bindir = find_bindir()
    if bindir is None:
        raise PgServerUnavailable(
            "no PostgreSQL server programs found (install Debian's 'postgresql' package "
            "or set BRIEFROOM_PG_BIN)"
        )
    user = _server_user()
    folder = Path(tempfile.mkdtemp(prefix="briefroom-pg-"))
    data = folder / "data"
    if user is not None:
        os.chown(folder, user.pw_uid, user.pw_gid)
    uid, gid = (user.pw_uid, user.pw_gid) if user is not None else (None, None)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C", "LC_ALL": "C"}
    done = subprocess.run(
        [str(bindir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
         "--no-locale", "-E", "UTF8", "--no-sync"],
        capture_output=True, env=env, cwd=folder, check=False, user=uid, group=gid,
    )  # fmt: skip
    if done.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        raise PgServerUnavailable(f"initdb failed: {done.stderr.decode(errors='replace')[-400:]}")
    options = {
        "listen_addresses": "127.0.0.1",
        "unix_socket_directories": "",
        "max_connections": "100",
        "shared_buffers": "128MB",
    }
    if not durable:
        options |= {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}
    options |= settings or {}
    for _attempt in range(5):
        port = _free_port()
        argv = [str(bindir / "postgres"), "-D", str(data), "-p", str(port)]
        for key, value in options.items():
            argv += ["-c", f"{key}={value}"]
        log = open(folder / "server.log", "ab")  # noqa: SIM115  # the server writes it
        process = subprocess.Popen(
            argv, stdout=log, stderr=log, env=env, cwd=folder, preexec_fn=die_with_parent_hook(),
            start_new_session=True,  # no signal to its process group reaches ours
            user=uid, group=gid,
        )  # fmt: skip
        log.close()
        if _wait_ready(port, process):
            return PgServer(folder, port, process)
        if process.poll() is None:
            process.kill()
            process.wait()
    tail = (folder / "server.log").read_text(errors="replace")[-400:]
    shutil.rmtree(folder, ignore_errors=True)
    raise PgServerUnavailable(f"the PostgreSQL server did not start: {tail}")


def _server_user() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("nobody")
    except KeyError as exc:
        raise PgServerUnavailable("running as root and no 'nobody' user to run PostgreSQL") from exc


def _wait_ready(port: int, process: subprocess.Popen[bytes]) -> bool:
    import psycopg

    deadline = time.monotonic() + _START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False  # the port was taken meanwhile, or the server failed
        try:
            with psycopg.connect(
                f"postgresql://{SUPERUSER}@127.0.0.1:{port}/postgres", connect_timeout=2
            ):
                return True
        except psycopg.OperationalError:
            time.sleep(0.1)
    return False
