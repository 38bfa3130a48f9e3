"""A small Chrome DevTools Protocol client over --remote-debugging-pipe, standard library only.

Enough to test the site as a reader's browser sees it: open a page at a given width, collect
console errors, uncaught exceptions and failed requests, evaluate a script, take a screenshot.
Chromium reads commands on fd 3 and writes replies on fd 4, each a JSON message ended by NUL.
"""
from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import shutil
import subprocess
import threading
import time

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--allow-file-access-from-files", "--hide-scrollbars"]


class Browser:
    def __init__(self, profile) -> None:
        assert CHROMIUM, "chromium is not installed: .ci/run installs it"
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire() -> None:  # in the child, before exec: the pipe ends become fds 3 and 4
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)
        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--remote-debugging-pipe",
                                      "about:blank"], pass_fds=(3, 4), preexec_fn=wire,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._next = 0
        self._replies: dict[int, dict] = {}
        self._events: queue.Queue = queue.Queue()
        self._lock = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable", session=self.session)

    def _read(self) -> None:
        buffer = b""
        while True:
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "id" in message:
                    with self._lock:
                        self._replies[message["id"]] = message
                        self._lock.notify_all()
                else:
                    self._events.put(message)

    def call(self, method: str, session: str | None = None, timeout: float = 60, **params) -> dict:
        self._next += 1
        ident = self._next
        message = {"id": ident, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        with self._lock:
            while ident not in self._replies:
                left = deadline - time.monotonic()
                assert left > 0, f"no reply to {method}"
                self._lock.wait(left)
            reply = self._replies.pop(ident)
        assert "error" not in reply, f"{method}: {reply['error']}"
        return reply.get("result", {})

    def page(self, method: str, **params) -> dict:
        return self.call(method, session=self.session, **params)

    def events(self) -> list[dict]:
        out = []
        while not self._events.empty():
            out.append(self._events.get_nowait())
        return out

    def width(self, width: int, height: int = 900) -> None:
        self.page("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=width < 600)

    def open(self, url: str, timeout: float = 30, settle: bool = True) -> list[str]:
        """Navigate and wait for the load event; returns the problems seen: console errors,
        uncaught exceptions, failed requests and HTTP errors (with `settle`, also those of the
        page's own script just after the load; a test that reads the page, not its problems,
        need not wait for them)."""
        self.events()
        self.page("Page.navigate", url=url)
        problems: list[str] = []
        deadline = time.monotonic() + timeout
        loaded = False
        while not loaded:
            assert time.monotonic() < deadline, f"{url} did not load"
            try:
                event = self._events.get(timeout=0.5)
            except queue.Empty:
                continue
            loaded = loaded or event.get("method") == "Page.loadEventFired"
            problems += _problem(event)
        if settle:
            time.sleep(0.15)  # late console messages of the page's own script
        problems += [p for e in self.events() for p in _problem(e)]
        return problems

    def eval(self, expression: str):
        result = self.page("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def screenshot(self, path, full: bool = True) -> None:
        params = {"format": "png"}
        if full:
            size = self.eval("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params["clip"] = {"x": 0, "y": 0, "width": size[0], "height": min(size[1], 12000), "scale": 1}
            params["captureBeyondViewport"] = True
        data = self.page("Page.captureScreenshot", **params)["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        with contextlib.suppress(Exception):  # the browser may already be gone
            self.call("Browser.close", timeout=5)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_chrome)


def _problem(event: dict) -> list[str]:
    method, params = event.get("method"), event.get("params", {})
    if method == "Runtime.exceptionThrown":
        return [f"exception: {params['exceptionDetails'].get('text')}"]
    if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
        return [f"console.{params['type']}: {[a.get('value') for a in params.get('args', [])]}"]
    if method == "Log.entryAdded" and params["entry"].get("level") == "error":
        return [f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}"]
    if method == "Network.loadingFailed":
        return [f"failed request: {params.get('errorText')}"]
    if method == "Network.responseReceived" and params["response"].get("status", 200) >= 400:
        return [f"HTTP {params['response']['status']}: {params['response']['url']}"]
    return []
