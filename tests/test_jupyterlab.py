"""JupyterLab serves the notebook series, and a kernel runs a toolkit cell.

Starts ``jupyter lab --no-browser`` on a free loopback port with a random token, talks to it
through Jupyter Server's REST API and the kernel websocket (the Jupyter messaging protocol,
JSON over websocket), and terminates it at the end. Everything has a timeout.
"""
from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import pytest

from toolkit import __version__
from toolkit.config import PROJECT_ROOT

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _request(base, token, path, method="GET", body=None, timeout=10):
    req = urllib.request.Request(f"{base}{path}", method=method,
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        data = resp.read()
        return resp.status, (json.loads(data) if data and "json" in resp.headers.get("Content-Type", "") else data)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    home = tmp_path_factory.mktemp("jupyter")
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ,
           "PYTHONPATH": os.pathsep.join([str(PROJECT_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]),
           # keep the user's own Jupyter config, runtime files and workspaces out of the test
           "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"), "JUPYTER_PLATFORM_DIRS": "1"}
    log = (home / "lab.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={PROJECT_ROOT}", "--ServerApp.open_browser=False",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         "--LabApp.extension_manager=readonly",
         # CI containers run as root; Jupyter refuses that unless told
         *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [])],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            if proc.poll() is not None:
                pytest.fail(f"jupyter lab exited with {proc.returncode}: {(home / 'lab.log').read_text()[-2000:]}")
            try:
                if _request(base, token, "/api/status", timeout=2)[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not answer within 60 s: {(home / 'lab.log').read_text()[-2000:]}")
            time.sleep(0.3)
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        log.close()


def test_lab_serves_the_notebooks(lab):
    base, token = lab
    status, listing = _request(base, token, "/api/contents/notebooks")
    assert status == 200 and listing["type"] == "directory"
    names = {item["name"] for item in listing["content"]}
    assert {"0.0-quickstart.ipynb", "2.0-actors-and-quotes.ipynb"} <= names
    status, nb = _request(base, token, "/api/contents/notebooks/1.0-corpus-overview.ipynb")
    assert status == 200 and nb["type"] == "notebook"
    assert "parameters" in nb["content"]["cells"][1]["metadata"]["tags"]
    status, page = _request(base, token, "/lab")
    assert status == 200 and b"JupyterLab" in page


def test_requests_without_the_token_are_refused(lab):
    base, _ = lab
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{base}/api/contents/notebooks", timeout=5)
    assert err.value.code == 403


def _execute(ws, code: str, timeout: float = 60) -> list[dict]:
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex, "msg_type": "execute_request",
                   "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}}))
    replies, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        replies.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return replies
    raise TimeoutError(f"no idle status within {timeout} s; got {[m['msg_type'] for m in replies]}")


def test_a_kernel_runs_a_toolkit_cell(lab):
    websocket = pytest.importorskip("websocket", reason="websocket-client (a jupyter_server dependency) missing")
    base, token = lab
    status, kernel = _request(base, token, "/api/kernels", method="POST", body={"name": "python3"})
    assert status == 201
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{base.rsplit(':', 1)[1]}/api/kernels/{kernel['id']}/channels?token={token}", timeout=60)
    try:
        msgs = _execute(ws, "import toolkit\nfrom toolkit import show\n"
                            "print(toolkit.__version__, toolkit.__file__)\n"
                            "show.render_document('d', '<script>x()</script> Kyiv', {})")
        errors = [m["content"] for m in msgs if m["msg_type"] == "error"]
        assert not errors, errors
        out = "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream")
        version, path = out.split()
        assert version == __version__ and path.startswith(str(PROJECT_ROOT))
        result = next(m["content"]["data"] for m in msgs if m["msg_type"] == "execute_result")
        assert "&lt;script&gt;x()&lt;/script&gt; Kyiv" in result["text/html"]
        assert "<script" not in result["text/html"]
    finally:
        ws.close()
        _request(base, token, f"/api/kernels/{kernel['id']}", method="DELETE")
