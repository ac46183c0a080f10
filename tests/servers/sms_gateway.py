"""An HTTP server on loopback that answers like Twilio and CM.com, and records requests.

Modes: "accept", "reject_token" (401), "provider_error" (400 with a body that
echoes the number, as real providers do), "server_error" (500), "slow" (sleeps
past the client's timeout, then accepts: the ambiguous case), "no_id" (Twilio
accepts but the answer carries no sid).
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

SID, TOKEN = "AC" + "0123456789abcdef" * 2, "test-token"


@dataclass
class Gateway:
    """State shared with the handler: mode and what arrived."""

    mode: str = "accept"
    delay: float = 2.0
    requests: list[dict] = field(default_factory=list)
    url: str = ""


def _twilio(gateway: Gateway, handler: BaseHTTPRequestHandler, body: bytes) -> tuple[int, dict]:
    """Twilio: form fields, Basic sid:token, 201 with "sid"."""
    form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
    auth = handler.headers.get("Authorization", "")
    expected = "Basic " + base64.b64encode(f"{SID}:{TOKEN}".encode()).decode()
    gateway.requests.append({"path": handler.path, "form": form, "auth_ok": auth == expected})
    if auth != expected or gateway.mode == "reject_token":
        return 401, {"code": 20003, "message": "Authenticate", "status": 401}
    if gateway.mode == "provider_error":
        return 400, {"code": 21211, "message": f"The 'To' number {form.get('To')} is not valid."}
    if gateway.mode == "no_id":
        return 201, {"status": "queued"}
    return 201, {"sid": f"SM{len(gateway.requests):032d}", "status": "queued"}


def _cm(gateway: Gateway, body: bytes) -> tuple[int, dict]:
    """CM.com: JSON with the product token inside, 200 with errorCode 0."""
    data = json.loads(body)
    gateway.requests.append({"json": data})
    token = data["messages"]["authentication"]["producttoken"]
    msg = data["messages"]["msg"][0]
    if token != TOKEN or gateway.mode == "reject_token":
        return 401, {"details": "Authentication of the request failed", "errorCode": 101}
    if gateway.mode == "provider_error":
        number = msg["to"][0]["number"]
        return 400, {"details": f"Invalid number {number}", "errorCode": 304}
    return 200, {
        "details": "Created 1 message(s)",
        "errorCode": 0,
        "messages": [
            {
                "to": msg["to"][0]["number"],
                "status": "Accepted",
                "reference": msg["reference"],
                "parts": 1,
                "messageDetails": None,
                "messageErrorCode": 0,
            }
        ],
    }


def _handler(gateway: Gateway) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if gateway.mode == "server_error":
                status, answer = 500, {"errorCode": 999, "details": "internal"}
            elif self.path == "/v1.0/message":
                status, answer = _cm(gateway, body)
            else:
                status, answer = _twilio(gateway, self, body)
            if gateway.mode == "slow":  # accepted and recorded, but the answer comes too late
                time.sleep(gateway.delay)
            raw = json.dumps(answer).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                self.end_headers()
                self.wfile.write(raw)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting ("slow"): that is the point

    return Handler


@contextmanager
def sms_gateway(mode: str = "accept") -> Iterator[Gateway]:
    """Serve on 127.0.0.1 until the block ends."""
    gateway = Gateway(mode=mode)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(gateway))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    gateway.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield gateway
    finally:
        server.shutdown()
        server.server_close()
