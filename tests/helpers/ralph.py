"""ralph, openfun's learning record store (an xAPI LRS), on 127.0.0.1 for the tests: its
file-system backend in a folder of its own and one basic-auth user, started from the
virtualenv that ``scripts/with-ralph`` makes (``BORG_LEARNING_RALPH``). It can be
stopped and started again on the same port with the same data, as an LRS that goes down
and comes back.

ralph's file-system LRS backend (5.1.0) writes each request's statements with the
operation ``create``, which refuses to write to its one file (``fs_lrs.jsonl``) once it
exists: the second statement would be answered 500. Started here, it appends instead
(each statement is one JSON line), and nothing else of ralph changes.
"""

import base64
import json
import os
import secrets
import socket
import subprocess
import time
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

#: Seconds ralph gets to answer its heartbeat after a start.
START_SECONDS = 60
#: Run in ralph's virtualenv with the host and port: its LRS app, appending to its file.
SERVE = """
import sys

import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend

FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host=sys.argv[1], port=int(sys.argv[2]), log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Ralph:
    key = "borg-learning"

    def __init__(self, venv: Path, directory: Path):
        self.venv, self.directory = venv, directory
        self.secret = secrets.token_urlsafe(16)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(directory),
            "RALPH_APP_DIR": str(directory),
            "RALPH_AUTH_FILE": str(directory / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(directory / "data"),
            "RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT": "1000",
        }
        (directory / "data").mkdir(parents=True, exist_ok=True)
        # ralph's own command writes the user (a bcrypt hash) to its credentials file.
        subprocess.run(
            [
                str(venv / "bin" / "ralph"),
                "auth",
                "--username",
                self.key,
                "--password",
                self.secret,
                "--scope",
                "all",
                "--agent-ifi-account",
                "borg-learning",
                "https://borg-learning.test",
                "--write-to-disk",
            ],  # fmt: skip
            env=self.env,
            check=True,
            capture_output=True,
        )

    @property
    def endpoint(self) -> str:
        """The xAPI endpoint an administrator fills in."""
        return self.url + "/xAPI/"

    def start(self):
        log = open(self.directory / "ralph.log", "ab")  # noqa: SIM115 (ralph's, while it runs)
        self.process = subprocess.Popen(
            [str(self.venv / "bin" / "python"), "-c", SERVE, "127.0.0.1", str(self.port)],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(self.url + "/__lbheartbeat__", timeout=2):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"ralph did not start:\n{(self.directory / 'ralph.log').read_text()}")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None

    @contextmanager
    def down(self):
        """ralph stopped for the block, started again (same port, same data) after it."""
        self.stop()
        try:
            yield
        finally:
            self.start()

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def get(self, path_and_query: str) -> dict:
        auth = base64.b64encode(f"{self.key}:{self.secret}".encode()).decode()
        request = urllib.request.Request(  # noqa: S310 (our own http URL)
            self.url + path_and_query,
            headers={"Authorization": f"Basic {auth}", "X-Experience-API-Version": "1.0.3"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return json.loads(response.read())

    def statements(self, **query) -> list[dict]:
        """The statements stored (GET /xAPI/statements, every page of ``more``)."""
        found = []
        path = "/xAPI/statements?" + urllib.parse.urlencode({"limit": 1000, **query})
        while path:
            answer = self.get(path)
            found += answer["statements"]
            path = answer.get("more") or ""
        return found

    def statement(self, statement_id) -> dict:
        """The one stored statement with this id."""
        [found] = [row for row in self.statements() if row["id"] == str(statement_id)]
        return found
