"""Browser-test fixtures: a real JupyterLab on 127.0.0.1 and Debian's Chromium under playwright.

Reusable by any browser test: `lab_server` starts `jupyter lab` (bounded, stopped after),
`lab` gives a `LabDriver` that writes and opens notebooks, runs cells and restarts the kernel
(`lab.write_notebook("name.ipynb", [code, ...])`, `lab.open(...)`, `lab.run_cell(0)`).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
START_TIMEOUT = 60.0
"""Seconds to wait for JupyterLab to answer before the test fails."""
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
"""Where screenshots go (git-ignored)."""
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def write_notebook(path: Path, cells: list[str]) -> Path:
    """Writes a Python 3 notebook with one code cell per string (no outputs)."""
    nb = {
        "cells": [{"cell_type": "code", "execution_count": None, "id": f"cell-{i}",
                   "metadata": {}, "outputs": [], "source": source}
                  for i, source in enumerate(cells)],
        "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                                    "name": "python3"},
                     "language_info": {"name": "python"}},
        "nbformat": 4, "nbformat_minor": 5,
    }
    path.write_text(json.dumps(nb, indent=1), encoding="utf-8")
    return path


@dataclass
class LabServer:
    """A running JupyterLab: its base URL, token, served folder and process."""

    url: str
    token: str
    root: Path
    home: Path
    process: subprocess.Popen[bytes]
    log: Path

    def tree_url(self, name: str) -> str:
        """The address that opens `name` (relative to root) in JupyterLab."""
        return f"{self.url}/lab/tree/{name}?token={self.token}"

    def log_tail(self, n: int = 40) -> str:
        """The last lines of the server's log, for failure messages."""
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(lines[-n:])


def _quiet_lab_settings(settings_dir: Path) -> None:
    """User settings that stop JupyterLab's news and update toasts from covering the page."""
    target = settings_dir / "@jupyterlab" / "apputils-extension"
    target.mkdir(parents=True, exist_ok=True)
    (target / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stops the server and its kernels: SIGTERM to its process group, SIGKILL after 10 s."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LabServer]:
    """JupyterLab serving a fresh temp folder on 127.0.0.1 with a token; stopped after use."""
    base = tmp_path_factory.mktemp("lab")
    root, home, runtime, settings = (base / n for n in ("root", "pmcourse_home", "runtime",
                                                          "settings"))
    for folder in (root, home, runtime, settings):
        folder.mkdir()
    _quiet_lab_settings(settings)
    port, token = free_port(), secrets.token_hex(16)
    env = {**os.environ, "PMCOURSE_HOME": str(home), "JUPYTER_RUNTIME_DIR": str(runtime),
           "JUPYTERLAB_SETTINGS_DIR": str(settings),
           "JUPYTERLAB_WORKSPACES_DIR": str(base / "workspaces"),
           "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    cmd = [str(VENV_BIN / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={root}", "--LabApp.news_url=None"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = base / "jupyter.log"
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = LabServer(f"http://127.0.0.1:{port}", token, root, home, process, log)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"jupyter lab exited with {process.returncode}:\n{server.log_tail()}")
            try:
                with urllib.request.urlopen(f"{server.url}/api/status?token={token}", timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                if time.monotonic() > deadline:
                    pytest.fail(f"jupyter lab did not answer within {START_TIMEOUT:.0f} s:\n"
                                f"{server.log_tail()}")
                time.sleep(0.5)
        yield server
    finally:
        _stop(process)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Debian Chromium driven by Python playwright (never `playwright install`)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; install Debian's chromium package (make sysdeps).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class LabDriver:
    """Drives one JupyterLab page: open a notebook, run a cell, restart the kernel."""

    def __init__(self, page: object, server: LabServer) -> None:
        """Wraps a playwright page on `server`."""
        self.page = page
        self.server = server

    def write_notebook(self, name: str, cells: list[str]) -> Path:
        """Writes a notebook `name` into the server's folder, one code cell per string."""
        return write_notebook(self.server.root / name, cells)

    def open(self, name: str) -> None:
        """Opens notebook `name` and waits until its kernel is connected and idle."""
        self.page.goto(self.server.tree_url(name))
        self.page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
        self.wait_kernel_connected(name)
        self.wait_idle()

    def wait_kernel_connected(self, name: str, timeout: float = 60.0) -> None:
        """Polls the server until the notebook's kernel is idle with a browser connected."""
        deadline = time.monotonic() + timeout
        url = f"{self.server.url}/api/sessions?token={self.server.token}"
        while time.monotonic() < deadline:
            with urllib.request.urlopen(url, timeout=5) as response:
                sessions = json.load(response)
            kernels = [s["kernel"] for s in sessions if s.get("path") == name and s.get("kernel")]
            if any(k.get("execution_state") == "idle" and k.get("connections", 0) > 0
                   for k in kernels):
                return
            time.sleep(0.3)
        pytest.fail(f"the kernel of {name} did not become idle within {timeout:.0f} s:\n"
                    f"{self.server.log_tail()}")

    def wait_idle(self, timeout: float = 60_000) -> None:
        """Waits until the notebook's kernel reports idle."""
        self.page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").first.wait_for(
            timeout=timeout)

    def cell(self, index: int) -> object:
        """The locator of the notebook's cell number `index` (0-based)."""
        return self.page.locator(".jp-Notebook .jp-Cell").nth(index)

    def run_cell(self, index: int, attempts: int = 3) -> object:
        """Clicks into a cell's editor, runs it with Shift+Enter and returns the cell locator.

        JupyterLab can drop a run sent in the moment its kernel connection settles; the prompt
        then stays `[ ]:`, so the run is sent again (a cell that never started is safe to resend).
        """
        cell = self.cell(index)
        prompt = cell.locator(".jp-InputPrompt").first
        for _ in range(attempts):
            cell.locator(".jp-InputArea-editor").click()
            self.page.keyboard.press("Shift+Enter")
            try:
                expect(prompt).not_to_have_text(re.compile(r"^\s*\[\s*\]:\s*$"), timeout=8_000)
                return cell
            except AssertionError:
                continue
        pytest.fail(f"cell {index} did not start running after {attempts} tries")

    def restart_kernel(self) -> None:
        """Restarts the kernel through the Kernel menu and its confirmation dialog."""
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Kernel$")).click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Restart Kernel…$")).click()
        self.page.locator(".jp-Dialog .jp-mod-accept").click()
        self.page.locator(".jp-Dialog").wait_for(state="detached", timeout=30_000)
        self.wait_idle()

    def screenshot(self, name: str, *, full_page: bool = True) -> Path:
        """Saves a screenshot to tests/artifacts/<name> and returns its path."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        target = ARTIFACTS / name
        self.page.screenshot(path=str(target), full_page=full_page)
        return target


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    """Remembers each phase's report on the test item, so fixtures can tell a failed test."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def lab(request: pytest.FixtureRequest, lab_server: LabServer,
        browser: object) -> Iterator[LabDriver]:
    """A fresh 1280x900 page on the module's JupyterLab, closed after the test; a failed test
    leaves tests/artifacts/failed-<test>.png and the server log is printed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    driver = LabDriver(page, lab_server)
    try:
        yield driver
    finally:
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            with contextlib.suppress(Exception):
                driver.screenshot(f"failed-{request.node.name}.png")
            print(lab_server.log_tail())
        context.close()
