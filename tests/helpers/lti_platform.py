"""A fake LTI 1.3 platform (an LMS) on 127.0.0.1: it publishes its key set, hands out
access tokens and takes scores like Moodle or Canvas would, and signs the id_tokens of
its launches with its own RSA key. It records every request it gets, and never touches
the database (it runs in another thread)."""

import json
import secrets
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


class FakePlatform:
    client_id = "borg-tool-1"
    deployment_id = "deployment-1"

    def __init__(self):
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = "platform-key-1"
        #: (method, path, headers, body) of every request, in order.
        self.requests = []
        #: The status and body the score endpoint answers with.
        self.score_answer = (200, b"{}")
        self.token_answer = (200, None)
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                platform.requests.append(("GET", self.path, dict(self.headers), b""))
                if self.path == "/jwks":
                    return self.answer(200, json.dumps(platform.jwks()).encode())
                return self.answer(404, b"{}")

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                platform.requests.append(("POST", self.path, dict(self.headers), body))
                if self.path == "/token":
                    status, answer = platform.token_answer
                    answer = (
                        answer
                        or json.dumps(
                            {
                                "access_token": "platform-access-token",
                                "token_type": "Bearer",
                                "expires_in": 3600,
                            }
                        ).encode()
                    )
                    return self.answer(status, answer)
                if self.path.startswith("/lineitems/"):
                    return self.answer(*platform.score_answer)
                return self.answer(404, b"{}")

            def answer(self, status, body):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.issuer = self.url
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def jwks(self):
        members = jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key(), as_dict=True)
        return {"keys": [{**members, "kid": self.kid, "alg": "RS256", "use": "sig"}]}

    def registration(self, **fields):
        """The fields an administrator copies into our admin."""
        return {
            "name": "Trajectum Moodle",
            "issuer": self.issuer,
            "client_id": self.client_id,
            "deployment_ids": f"other-deployment\n{self.deployment_id}\n",
            "keyset_url": self.url + "/jwks",
            "auth_login_url": self.url + "/auth",
            "access_token_url": self.url + "/token",
            **fields,
        }

    def lineitem(self, name="1"):
        return f"{self.url}/lineitems/{name}/lineitem?type_id=7"

    def claims(self, nonce, *, message_type="LtiResourceLinkRequest", custom=None, **more):
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": self.client_id,
            "sub": "moodle-user-42",
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            LTI + "version": "1.3.0",
            LTI + "message_type": message_type,
            LTI + "deployment_id": self.deployment_id,
            LTI + "target_link_uri": "https://tool.example/learning/lti/launch/",
            LTI + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
        }
        if message_type == "LtiResourceLinkRequest":
            claims[LTI + "resource_link"] = {"id": "resource-link-1", "title": "Grenzen stellen"}
            claims[AGS] = {
                "scope": [SCORE_SCOPE, "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"],
                "lineitem": self.lineitem(),
            }
        if custom is not None:
            claims[LTI + "custom"] = custom
        claims.update(more)
        return claims

    def sign(self, claims, key=None, kid=None):
        return jwt.encode(
            claims, key or self.key, algorithm="RS256", headers={"kid": kid or self.kid}
        )

    def auth_redirect(self, location):
        """What the platform reads from the login's redirect to its authentication URL."""
        parts = urllib.parse.urlsplit(location)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == self.url + "/auth", location
        return {key: values[0] for key, values in urllib.parse.parse_qs(parts.query).items()}

    def posted(self, path_start):
        return [
            (path, headers, body)
            for method, path, headers, body in self.requests
            if method == "POST" and path.startswith(path_start)
        ]


def new_nonce():
    return secrets.token_urlsafe(16)
