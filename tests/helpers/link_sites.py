"""A provider's website on 127.0.0.1 for the link check: it answers each path in its own
way (works, moved, missing, failing, slow, refusing HEAD, a redirect loop, a tracking
redirect) over plain
HTTP, records every request, and counts how many it serves at once. It never touches
the database (it runs in other threads)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class ProviderSite:
    #: How long a request to /held/ takes: long enough for requests to overlap.
    HOLD_SECONDS = 0.05

    def __init__(self):
        #: (method, path, User-Agent) of every request, in order.
        self.requests = []
        self.in_flight = self.most_in_flight = 0
        #: path -> status, answered instead of the usual (a site that changes).
        self.overrides = {}
        self.closing = threading.Event()
        lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_HEAD(self):
                self.serve("HEAD")

            def do_GET(self):
                self.serve("GET")

            def serve(self, method):
                with lock:
                    site.requests.append((method, self.path, self.headers.get("User-Agent")))
                    site.in_flight += 1
                    site.most_in_flight = max(site.most_in_flight, site.in_flight)
                self.counted = True
                try:
                    self.answer(method)
                finally:
                    self.done()

            def done(self):
                """The request no longer counts as in flight: before its answer is sent,
                since the client may ask its next question the moment it has the answer."""
                if self.counted:
                    self.counted = False
                    with lock:
                        site.in_flight -= 1

            def answer(self, method):
                path = self.path
                if path in site.overrides:
                    return self.reply(site.overrides[path])
                if path == "/slow/":
                    site.closing.wait(10)  # longer than any test's timeout
                    return self.reply(200)
                if path.startswith("/held/"):
                    time.sleep(site.HOLD_SECONDS)
                    return self.reply(200)
                if path == "/no-head/" and method == "HEAD":
                    return self.reply(405, Allow="GET")
                if path.partition("?")[0] in ("/cursus/", "/no-head/", "/hoofdstuk-1/"):
                    return self.reply(200)
                if path == "/oud/":
                    return self.reply(301, Location="/tussen/")
                if path == "/tussen/":
                    return self.reply(302, Location=f"{site.url}/cursus/")
                if path == "/naar-fout/":
                    return self.reply(301, Location="/weg/")
                if path == "/volgen/":  # a tracking redirect to a very long address
                    return self.reply(302, Location=f"/cursus/?bron={'x' * 2500}")
                if path == "/kring/":
                    return self.reply(302, Location="/kring/")
                if path == "/kapot/":
                    return self.reply(500)
                return self.reply(404)

            def reply(self, status, **headers):
                body = b"<!doctype html><title>Aanbieder</title>"
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.done()
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{port}"
        #: The same server asked over HTTPS: it answers in plain HTTP, without TLS.
        self.https_url = f"https://127.0.0.1:{port}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()

    def paths(self, method=None):
        return [path for made, path, _agent in self.requests if method in (None, made)]
