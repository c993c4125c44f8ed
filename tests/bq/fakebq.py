#!/usr/bin/python3
"""fakebq: a local fake of the BigQuery REST API, OAuth and the metadata server.

Test-only.  Python 3 standard library; the openssl CLI verifies JWT
signatures.  Listens on 127.0.0.1 only, on ephemeral ports written to files,
and exits by itself after --idle seconds without a request.

  fakebq.py --dir DIR [--config FILE] [--tls CERT KEY] [--idle S]

Writes DIR/port (plain HTTP) and, with --tls, DIR/tls-port (HTTPS); both
share one state.  Every non-admin request is appended to DIR/log.ndjson as
one JSON object (method, path, kind, status, content_range, range, ...).

Config (JSON; POST /admin/config merges more):
  anonymous         true: no Authorization needed (BIGQUERY_EMULATOR_HOST)
  service_accounts  {client_email: public_key_pem_path}
  authorized_users  [{client_id, client_secret, refresh_token}]
  static_tokens     [token, ...] accepted forever (access-token file/env);
                    "fakebq-admin" always is (tests read tables with it)
  token_lifetime    seconds (default 3599)
  metadata_token    true: serve the metadata server token endpoint
  job_polls         jobs.get answers PENDING/RUNNING this many times first
  job_seconds       and the job takes at least this long (a slow job)
  job_fail          {"reason": .., "message": .., "count": N}: every job
                    (or the first N) ends with this errorResult
  datasets          [{"project", "dataset", "location"}] existing datasets
  discard           true: keep no uploaded bytes, only count them and their
                    lines (benchmarks); the job then loads nothing
  faults            [{"kind": K, "n": N, "do": ACTION, ...}]: the Nth
                    request of kind K (1-based; "every": true for all from
                    N on) gets ACTION: "status" (code, reason, message,
                    retry_after, bodiless), "hang" (wait "seconds" first,
                    then answer normally), "drop" (close without answer),
                    "drop_mid" (read half the body, persist its 256 KiB
                    aligned part, close), "persist_less" (keep only part of
                    a chunk), "expire_tokens" (invalidate tokens, answer 401),
                    "lose_response" (do the work, then close the connection)
  Kinds: token, metadata, dataset_get, dataset_insert, table_get,
  upload_start, upload_chunk (a non-final chunk), upload_final (the chunk
  stating the total), upload_status (a "bytes */..." query), multipart,
  job_insert, job_get, tabledata.
Log entries are appended as requests end; "seq" numbers them in the order
they arrived.  Admin (never logged): GET /admin/log, GET /admin/state, POST /admin/config,
POST /admin/shutdown.
"""

import base64
import datetime
import decimal
import http.server
import json
import os
import re
import secrets
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

CHUNK = 262144
GOOGLE_AUD = "https://oauth2.googleapis.com/token"
SCOPES = ("https://www.googleapis.com/auth/bigquery",
          "https://www.googleapis.com/auth/cloud-platform")


class State:
    def __init__(self, d, config):
        self.dir = d
        self.lock = threading.RLock()
        self.config = config
        self.tokens = {}          # token -> expiry (epoch s)
        self.datasets = {}        # (p, d) -> dataset dict
        self.tables = {}          # (p, d, t) -> {"schema": [...], "rows": [...]}
        self.jobs = {}            # (p, jobid) -> job record
        self.sessions = {}        # upload_id -> session
        self.counts = {}
        self.seq = 0
        self.log = []
        self.last = time.time()
        for t in config.get("static_tokens", []) + ["fakebq-admin"]:
            self.tokens[t] = float("inf")
        for ds in config.get("datasets", []):
            self.add_dataset(ds["project"], ds["dataset"],
                             ds.get("location", "US"))

    def add_dataset(self, p, d, loc):
        now = str(int(time.time() * 1000))
        self.datasets[(p, d)] = {
            "kind": "bigquery#dataset", "id": "%s:%s" % (p, d),
            "etag": secrets.token_hex(8),
            "selfLink": "https://bigquery.googleapis.com/bigquery/v2/"
                        "projects/%s/datasets/%s" % (p, d),
            "datasetReference": {"projectId": p, "datasetId": d},
            "location": loc, "creationTime": now, "lastModifiedTime": now,
            "access": [{"role": "OWNER",
                        "specialGroup": "projectOwners"}]}


def err_body(code, reason, message, status=None):
    names = {400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED",
             403: "PERMISSION_DENIED", 404: "NOT_FOUND",
             409: "ALREADY_EXISTS", 429: "RESOURCE_EXHAUSTED",
             500: "INTERNAL", 503: "UNAVAILABLE"}
    e = {"code": code, "message": message,
         "errors": [{"message": message, "domain": "global",
                     "reason": reason}]}
    st = status or names.get(code)
    if st:
        e["status"] = st
    return {"error": e}


class Drop(Exception):
    """Close the connection without (further) answer."""


# ---- value checks and conversion (load semantics) ----

class RowError(Exception):
    pass


DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
TIME_RE = r"(\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?"
TS_RE = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]" + TIME_RE +
                   r")?\s*(Z|UTC|[+-]\d{1,2}(?::?\d{2})?)?$")
DT_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]" + TIME_RE + r")?$")
TM_RE = re.compile(r"^" + TIME_RE + r"$")
NUM_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
INT_RE = re.compile(r"^[+-]?\d+$")
ALIASES = {"INT64": "INTEGER", "FLOAT64": "FLOAT", "BOOL": "BOOLEAN",
           "STRUCT": "RECORD"}


def jstr(v):
    return json.dumps(v, ensure_ascii=False)


def check_date(y, m, d):
    try:
        datetime.date(int(y), int(m), int(d))
    except ValueError:
        raise RowError("Invalid date")


def check_time(h, mi, s):
    if int(h) > 23 or int(mi) > 59 or (s and int(s) > 59):
        raise RowError("Invalid time")


def ts_str(micros, fmt):
    if fmt == "int64":
        return str(micros)
    d = decimal.Decimal(micros).scaleb(-6)
    if d == 0:
        return "0.0"
    e = d.adjusted()
    m = d.scaleb(-e).normalize()
    ms = format(m, "f")
    if "." not in ms:
        ms += ".0"
    return "%sE%d" % (ms, e)


def convert(field, v):
    """Check v against field; return the stored form (strings, lists, dicts)."""
    t = ALIASES.get(field["type"].upper(), field["type"].upper())
    name = field["name"]
    if field.get("mode", "NULLABLE").upper() == "REPEATED":
        if v is None:
            return []
        if not isinstance(v, list):
            raise RowError("Repeated field must be imported as a JSON "
                           "array. Field: %s." % name)
        out = []
        for e in v:
            if e is None:
                raise RowError("Only optional fields can be set to NULL. "
                               "Field: %s; Value: NULL" % name)
            out.append(scalar(field, t, name, e))
        return out
    if v is None:
        if field.get("mode", "NULLABLE").upper() == "REQUIRED":
            raise RowError("Only optional fields can be set to NULL. "
                           "Field: %s; Value: NULL" % name)
        return None
    if isinstance(v, list):
        raise RowError("Array specified for non-repeated field: %s." % name)
    return scalar(field, t, name, v)


def bad(t, name, v):
    raise RowError("Could not convert value '%s' to %s. Field: %s; Value: %s"
                   % (jstr(v) if not isinstance(v, str) else
                      "string_value: \"%s\"" % v,
                      {"INTEGER": "integer", "FLOAT": "double",
                       "BOOLEAN": "boolean"}.get(t, t.lower()), name,
                      v if isinstance(v, str) else jstr(v)))


def scalar(field, t, name, v):
    if t == "RECORD":
        if not isinstance(v, dict):
            raise RowError("Expected JSON object for record field: %s."
                           % name)
        return record(field.get("fields", []), v, True)
    if isinstance(v, dict) and t != "JSON":
        raise RowError("JSON object specified for non-record field: %s"
                       % name)
    if t == "STRING":
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, (int, float)):
            return jstr(v)
        return v
    if t == "INTEGER":
        if isinstance(v, bool):
            bad(t, name, v)
        if isinstance(v, int):
            s = str(v)
        elif isinstance(v, float) and v == int(v):
            s = str(int(v))
        elif isinstance(v, str) and INT_RE.match(v.strip()):
            s = str(int(v.strip()))
        else:
            bad(t, name, v)
        if not -2**63 <= int(s) < 2**63:
            bad(t, name, v)
        return s
    if t == "FLOAT":
        if isinstance(v, bool):
            bad(t, name, v)
        if isinstance(v, (int, float)):
            return repr(float(v))
        if isinstance(v, str):
            s = v.strip()
            if s in ("NaN", "Infinity", "-Infinity"):
                return s
            if NUM_RE.match(s):
                return repr(float(s))
        bad(t, name, v)
    if t in ("NUMERIC", "BIGNUMERIC"):
        if isinstance(v, bool):
            bad(t, name, v)
        s = jstr(v) if isinstance(v, (int, float)) else v
        if not isinstance(s, str) or not NUM_RE.match(s.strip()):
            bad(t, name, v)
        d = decimal.Decimal(s.strip())
        return format(d.normalize(), "f") if d != 0 else "0"
    if t == "BOOLEAN":
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, str) and v.lower() in ("true", "false"):
            return v.lower()
        bad(t, name, v)
    if t == "DATE":
        m = DATE_RE.match(v) if isinstance(v, str) else None
        if not m:
            bad(t, name, v)
        check_date(*m.groups())
        return "%04d-%02d-%02d" % tuple(int(x) for x in m.groups())
    if t == "DATETIME":
        m = DT_RE.match(v) if isinstance(v, str) else None
        if not m:
            bad(t, name, v)
        g = m.groups()
        check_date(*g[:3])
        check_time(g[3] or 0, g[4] or 0, g[5])
        s = "%04d-%02d-%02dT%02d:%02d:%02d" % (
            int(g[0]), int(g[1]), int(g[2]), int(g[3] or 0), int(g[4] or 0),
            int(g[5] or 0))
        if g[6]:
            s += g[6]
        return s
    if t == "TIME":
        m = TM_RE.match(v) if isinstance(v, str) else None
        if not m:
            bad(t, name, v)
        g = m.groups()
        check_time(*g[:3])
        return "%02d:%02d:%02d%s" % (int(g[0]), int(g[1]), int(g[2] or 0),
                                     g[3] or "")
    if t == "TIMESTAMP":
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return ("ts", int(round(v * 1000000)))
        m = TS_RE.match(v.strip()) if isinstance(v, str) else None
        if not m:
            bad(t, name, v)
        g = m.groups()
        check_date(*g[:3])
        check_time(g[3] or 0, g[4] or 0, g[5])
        dt = datetime.datetime(int(g[0]), int(g[1]), int(g[2]),
                               int(g[3] or 0), int(g[4] or 0),
                               int(g[5] or 0), tzinfo=datetime.timezone.utc)
        us = int(dt.timestamp()) * 1000000
        if g[6]:
            us += int((g[6][1:] + "000000")[:6])
        z = g[7]
        if z and z not in ("Z", "UTC"):
            zz = z[1:].replace(":", "")
            off = int(zz[:-2] or "0") * 60 + int(zz[-2:]) if len(zz) > 2 \
                else int(zz) * 60
            us -= (1 if z[0] == "+" else -1) * off * 60000000
        return ("ts", us)
    if t == "BYTES":
        if not isinstance(v, str):
            bad(t, name, v)
        try:
            base64.b64decode(v, validate=True)
        except ValueError:
            bad(t, name, v)
        return v
    if t == "JSON":
        return json.dumps(v, separators=(",", ":"), ensure_ascii=False)
    if t == "GEOGRAPHY":
        if not isinstance(v, str):
            bad(t, name, v)
        return v
    raise RowError("Unsupported type %s for field %s" % (t, name))


def record(fields, obj, ignore_unknown):
    byname = {f["name"].lower(): f for f in fields}
    if not ignore_unknown:
        for k in obj:
            if k.lower() not in byname:
                raise RowError("No such field: %s." % k)
    out = []
    lower = {k.lower(): v for k, v in obj.items()}
    for f in fields:
        out.append(convert(f, lower.get(f["name"].lower())))
    return out


def autodetect(rows):
    fields, seen = [], {}
    for r in rows:
        for k, v in r.items():
            if k in seen or v is None:
                continue
            t = ("BOOLEAN" if isinstance(v, bool) else
                 "INTEGER" if isinstance(v, int) else
                 "FLOAT" if isinstance(v, float) else
                 "RECORD" if isinstance(v, dict) else
                 "DATE" if isinstance(v, str) and DATE_RE.match(v) else
                 "STRING")
            f = {"name": k, "type": t, "mode": "NULLABLE"}
            if isinstance(v, list):
                f["mode"] = "REPEATED"
                f["type"] = "STRING"
            if t == "RECORD":
                f["fields"] = autodetect([v])
            seen[k] = f
            fields.append(f)
    return fields


def cell(field, v, tsfmt):
    """A stored value in tabledata.list's {"v": ..} form."""
    if v is None:
        return {"v": None}
    if field.get("mode", "").upper() == "REPEATED":
        return {"v": [cell(dict(field, mode="NULLABLE"), e, tsfmt)
                      for e in v]}
    t = ALIASES.get(field["type"].upper(), field["type"].upper())
    if t == "RECORD":
        return {"v": {"f": [cell(f, e, tsfmt)
                            for f, e in zip(field["fields"], v)]}}
    if isinstance(v, tuple):
        return {"v": ts_str(v[1], tsfmt)}
    return {"v": v}


# ---- the server ----

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fakebq/1"
    disable_nagle_algorithm = True

    def log_message(self, fmt, *args):
        pass

    # -- plumbing --
    def send(self, code, body=None, headers=(), raw=None):
        data = b""
        if raw is not None:
            data = raw
        elif body is not None:
            data = json.dumps(body).encode()
        self.send_response(code)
        if body is not None:
            self.send_header("Content-Type", "application/json; charset=UTF-8")
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        self.entry["status"] = code
        if body is not None and isinstance(body, dict) and "error" in body:
            self.entry["reason"] = body["error"]["errors"][0]["reason"]

    def read_body(self, limit=None):
        te = self.headers.get("Transfer-Encoding", "").lower()
        if "chunked" in te:
            out = bytearray()
            while True:
                line = self.rfile.readline()
                n = int(line.split(b";")[0].strip() or b"0", 16)
                if n == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return bytes(out)
                out += self.rfile.read(n)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length", "0") or "0")
        if limit is not None:
            return self.rfile.read(min(n, limit))
        return self.rfile.read(n) if n else b""

    def drop(self):
        self.entry["status"] = "dropped"
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        raise Drop()

    def fault(self, kind):
        st = self.server.state
        with st.lock:
            n = st.counts[kind] = st.counts.get(kind, 0) + 1
            for f in st.config.get("faults", []):
                if f.get("kind") == kind and (
                        f.get("n") == n or
                        (f.get("every") and n >= f.get("n", 1))):
                    self.entry["fault"] = f.get("do")
                    return f
        return None

    def status_fault(self, f):
        if f is not None and f.get("do") == "hang":
            time.sleep(f.get("seconds", 5))
            return False
        if f is None or f.get("do") != "status":
            return False
        code = f.get("code", 500)
        hdrs = []
        if "retry_after" in f:
            hdrs.append(("Retry-After", str(f["retry_after"])))
        self.read_body()
        if f.get("bodiless"):
            self.send(code, raw=b"", headers=hdrs +
                      [("Content-Type", "text/html")])
        else:
            self.send(code, err_body(code, f.get("reason", "backendError"),
                                     f.get("message", "Error encountered "
                                           "during execution. Retrying may "
                                           "solve the problem.")), hdrs)
        return True

    def authorized(self):
        st = self.server.state
        if st.config.get("anonymous"):
            return True
        a = self.headers.get("Authorization", "")
        tok = a[7:] if a.startswith("Bearer ") else None
        self.entry["auth"] = bool(tok)
        with st.lock:
            exp = st.tokens.get(tok)
        if exp is not None and exp > time.time():
            return True
        self.read_body()
        self.send(401, err_body(401, "authError", "Request had invalid "
                                "authentication credentials. Expected OAuth "
                                "2 access token, login cookie or other valid "
                                "authentication credential."),
                  [("WWW-Authenticate", 'Bearer realm="https://accounts.'
                    'google.com/", error="invalid_token"')])
        return False

    def handle_one(self):
        st = self.server.state
        st.last = time.time()
        u = urllib.parse.urlsplit(self.path)
        self.q = dict(urllib.parse.parse_qsl(u.query, keep_blank_values=True))
        path = urllib.parse.unquote(u.path)
        if path.startswith("/admin/"):
            self.entry = {}
            return self.admin(path)
        with st.lock:
            st.seq += 1
            # Entries are written when a request ends; "seq" is the order
            # in which they arrived.
            self.entry = {"seq": st.seq, "method": self.command,
                          "path": u.path, "query": u.query}
        try:
            self.route(path)
        except Drop:
            pass
        finally:
            with st.lock:
                st.log.append(self.entry)
                with open(os.path.join(st.dir, "log.ndjson"), "a") as fp:
                    fp.write(json.dumps(self.entry) + "\n")

    do_GET = do_POST = do_PUT = do_DELETE = handle_one

    def admin(self, path):
        st = self.server.state
        if path == "/admin/log":
            with st.lock:
                self.send(200, st.log)
        elif path == "/admin/state":
            with st.lock:
                self.send(200, {"tables": {"%s:%s.%s" % k: len(v["rows"])
                                           for k, v in st.tables.items()},
                                "jobs": sorted(j for _, j in st.jobs),
                                "datasets": sorted("%s:%s" % k
                                                   for k in st.datasets)})
        elif path == "/admin/config":
            cfg = json.loads(self.read_body() or b"{}")
            with st.lock:
                st.config.update(cfg)
                if "job_fail" in cfg:
                    st.counts["jobs_failed"] = 0
                if "faults" in cfg:     # new rules count from 1 again
                    st.counts = {k: v for k, v in st.counts.items()
                                 if k == "jobs_failed"}
                for t in cfg.get("static_tokens", []):
                    st.tokens[t] = float("inf")
            self.send(200, {})
        elif path == "/admin/shutdown":
            self.send(200, {})
            threading.Thread(target=self.server.stop_all).start()
        else:
            self.send(404, err_body(404, "notFound", "no such admin path"))

    # -- routing --
    def route(self, path):
        m = self.command
        if path == "/token" and m == "POST":
            return self.token()
        if path == ("/computeMetadata/v1/instance/service-accounts/"
                    "default/token"):
            return self.metadata_token()
        if path == "/computeMetadata/v1/project/project-id":
            return self.send(200, raw=b"fake-project",
                             headers=[("Metadata-Flavor", "Google"),
                                      ("Content-Type", "text/plain")])
        up = re.match(r"^/upload/bigquery/v2/projects/([^/]+)/jobs$", path)
        if up:
            t = self.q.get("uploadType")
            if m == "PUT" and "upload_id" in self.q:
                return self.upload_put(up.group(1))
            if m == "POST" and t == "resumable":
                return self.upload_start(up.group(1))
            if m == "POST" and t == "multipart":
                return self.multipart(up.group(1))
            self.read_body()
            return self.send(400, err_body(400, "invalid",
                                           "Invalid upload request"))
        if path.startswith("/bigquery/v2/"):
            path = path[len("/bigquery/v2"):]
        r = re.match(r"^/projects/([^/]+)/datasets/([^/]+)$", path)
        if r and m == "GET":
            return self.dataset_get(*r.groups())
        r = re.match(r"^/projects/([^/]+)/datasets$", path)
        if r and m == "POST":
            return self.dataset_insert(r.group(1))
        r = re.match(r"^/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)$",
                     path)
        if r and m == "GET":
            return self.table_get(*r.groups())
        r = re.match(r"^/projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)"
                     r"/data$", path)
        if r and m == "GET":
            return self.tabledata(*r.groups())
        r = re.match(r"^/projects/([^/]+)/jobs/([^/]+)$", path)
        if r and m == "GET":
            return self.job_get(*r.groups())
        r = re.match(r"^/projects/([^/]+)/jobs$", path)
        if r and m == "POST":
            return self.job_insert(r.group(1))
        self.read_body()
        self.send(404, err_body(404, "notFound", "Not found: URL %s" % path))

    # -- OAuth --
    def token(self):
        self.entry["kind"] = "token"
        f = self.fault("token")
        if self.status_fault(f):
            return
        form = dict(urllib.parse.parse_qsl(self.read_body().decode()))
        st = self.server.state
        g = form.get("grant_type")
        self.entry["grant"] = g
        if form.get("assertion"):
            self.entry["assertion_sig"] = form["assertion"].split(".")[-1]

        def deny(msg, code=400):
            self.entry["deny"] = msg
            self.send(code, {"error": "invalid_grant",
                             "error_description": msg})
        if g == "urn:ietf:params:oauth:grant-type:jwt-bearer":
            msg = self.check_jwt(form.get("assertion", ""))
            if msg:
                return deny(msg)
        elif g == "refresh_token":
            ok = any(u.get("client_id") == form.get("client_id") and
                     u.get("client_secret") == form.get("client_secret") and
                     u.get("refresh_token") == form.get("refresh_token")
                     for u in st.config.get("authorized_users", []))
            if not ok:
                return deny("Bad Request")
        else:
            return self.send(400, {"error": "unsupported_grant_type",
                                   "error_description": "Invalid grant_type"})
        self.issue()

    def issue(self, headers=()):
        st = self.server.state
        life = st.config.get("token_lifetime", 3599)
        tok = "ya29.fake-" + secrets.token_urlsafe(24)
        with st.lock:
            st.tokens[tok] = time.time() + life
        self.entry["issued"] = tok      # tests prove it never leaks
        self.send(200, {"access_token": tok, "expires_in": life,
                        "token_type": "Bearer"}, list(headers))

    def check_jwt(self, a):
        st = self.server.state
        parts = a.split(".")
        if len(parts) != 3:
            return "Invalid JWT: malformed"

        def dec(s):
            if "=" in s or "+" in s or "/" in s:
                raise ValueError("not base64url without padding")
            return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
        try:
            hdr = json.loads(dec(parts[0]))
            claims = json.loads(dec(parts[1]))
            sig = dec(parts[2])
        except ValueError as e:
            return "Invalid JWT: %s" % e
        if hdr.get("alg") != "RS256" or hdr.get("typ", "JWT") != "JWT":
            return "Invalid JWT header"
        pub = st.config.get("service_accounts", {}).get(claims.get("iss"))
        if not pub:
            return "Invalid JWT Signature."
        with tempfile.TemporaryDirectory() as td:
            with open(os.path.join(td, "data"), "wb") as fp:
                fp.write((parts[0] + "." + parts[1]).encode())
            with open(os.path.join(td, "sig"), "wb") as fp:
                fp.write(sig)
            r = subprocess.run(["openssl", "dgst", "-sha256", "-verify", pub,
                                "-signature", os.path.join(td, "sig"),
                                os.path.join(td, "data")],
                               capture_output=True)
        if r.returncode != 0:
            return "Invalid JWT Signature."
        host = self.headers.get("Host", "")
        auds = (GOOGLE_AUD, "http://%s/token" % host, "https://%s/token" % host)
        if claims.get("aud") not in auds:
            return "Invalid JWT: Failed audience check."
        scopes = str(claims.get("scope", "")).split()
        if not any(s in SCOPES for s in scopes):
            return "Invalid OAuth scope or ID token audience provided."
        now = time.time()
        iat, exp = claims.get("iat"), claims.get("exp")
        if not isinstance(iat, int) or not isinstance(exp, int):
            return "Invalid JWT: iat and exp must be integers"
        if iat > now + 60 or exp < now - 60 or exp - iat > 3600 or exp <= iat:
            return ("Invalid JWT: Token must be a short-lived token (60 "
                    "minutes) and in a reasonable timeframe. Check your iat "
                    "and exp values in the JWT claim.")
        self.entry["iss"] = claims.get("iss")
        return None

    def metadata_token(self):
        self.entry["kind"] = "metadata"
        f = self.fault("metadata")
        if self.status_fault(f):
            return
        if self.headers.get("Metadata-Flavor") != "Google":
            return self.send(403, raw=b"Missing Metadata-Flavor:Google header",
                             headers=[("Metadata-Flavor", "Google")])
        if not self.server.state.config.get("metadata_token"):
            return self.send(404, raw=b"not found",
                             headers=[("Metadata-Flavor", "Google")])
        self.issue([("Metadata-Flavor", "Google")])

    # -- datasets and tables --
    def dataset_get(self, p, d):
        self.entry["kind"] = "dataset_get"
        if self.status_fault(self.fault("dataset_get")) or \
                not self.authorized():
            return
        st = self.server.state
        with st.lock:
            ds = st.datasets.get((p, d))
        if ds is None:
            return self.send(404, err_body(404, "notFound",
                                           "Not found: Dataset %s:%s" % (p, d)))
        self.send(200, ds)

    def dataset_insert(self, p):
        self.entry["kind"] = "dataset_insert"
        if self.status_fault(self.fault("dataset_insert")) or \
                not self.authorized():
            return
        body = json.loads(self.read_body() or b"{}")
        ref = body.get("datasetReference", {})
        d = ref.get("datasetId", "")
        if not re.match(r"^[A-Za-z0-9_]{1,1024}$", d):
            return self.send(400, err_body(400, "invalid",
                                           "Invalid dataset ID \"%s\"." % d))
        st = self.server.state
        with st.lock:
            if (p, d) in st.datasets:
                return self.send(409, err_body(409, "duplicate",
                                               "Already Exists: Dataset %s:%s"
                                               % (p, d)))
            st.add_dataset(p, d, body.get("location", "US"))
            self.send(200, st.datasets[(p, d)])

    def table_get(self, p, d, t):
        self.entry["kind"] = "table_get"
        if self.status_fault(self.fault("table_get")) or \
                not self.authorized():
            return
        st = self.server.state
        with st.lock:
            tb = st.tables.get((p, d, t))
            if tb is None:
                return self.send(404, err_body(404, "notFound",
                                               "Not found: Table %s:%s.%s"
                                               % (p, d, t)))
            self.send(200, {
                "kind": "bigquery#table", "id": "%s:%s.%s" % (p, d, t),
                "etag": secrets.token_hex(8),
                "tableReference": {"projectId": p, "datasetId": d,
                                   "tableId": t},
                "schema": {"fields": tb["schema"]},
                "numRows": str(len(tb["rows"])), "numBytes": str(tb["bytes"]),
                "type": "TABLE", "location": st.datasets[(p, d)]["location"],
                "creationTime": tb["created"],
                "lastModifiedTime": tb["modified"]})

    def tabledata(self, p, d, t):
        self.entry["kind"] = "tabledata"
        if self.status_fault(self.fault("tabledata")) or \
                not self.authorized():
            return
        st = self.server.state
        with st.lock:
            tb = st.tables.get((p, d, t))
            if tb is None:
                return self.send(404, err_body(404, "notFound",
                                               "Not found: Table %s:%s.%s"
                                               % (p, d, t)))
            rows = tb["rows"]
            start = int(self.q.get("startIndex", "0"))
            tok = self.q.get("pageToken")
            if tok:
                start = int(tok.split("-")[1])
            n = int(self.q.get("maxResults", "100000"))
            fmt = ("int64" if self.q.get("formatOptions.useInt64Timestamp")
                   == "true" else "float")
            page = rows[start:start + n]
            out = {"kind": "bigquery#tableDataList",
                   "etag": secrets.token_hex(8), "totalRows": str(len(rows))}
            if page:
                out["rows"] = [{"f": [cell(f, v, fmt) for f, v in
                                      zip(tb["schema"], r)]} for r in page]
            if start + n < len(rows):
                out["pageToken"] = "page-%d" % (start + n)
            self.send(200, out)

    # -- jobs --
    def new_job(self, p, job, data):
        """Register a load job (the caller holds the lock); None if dup."""
        st = self.server.state
        ref = job.setdefault("jobReference", {})
        jid = ref.get("jobId") or "job_" + secrets.token_hex(12)
        if (p, jid) in st.jobs:
            return None
        load = job.get("configuration", {}).get("load", {})
        dest = load.get("destinationTable", {})
        ds = st.datasets.get((dest.get("projectId", p),
                              dest.get("datasetId")))
        loc = ref.get("location") or (ds["location"] if ds else "US")
        now = str(int(time.time() * 1000))
        rec = {"kind": "bigquery#job", "etag": secrets.token_hex(8),
               "id": "%s:%s.%s" % (p, loc, jid),
               "selfLink": "https://bigquery.googleapis.com/bigquery/v2/"
                           "projects/%s/jobs/%s?location=%s" % (p, jid, loc),
               "user_email": "sa@%s.iam.gserviceaccount.com" % p,
               "jobReference": {"projectId": p, "jobId": jid,
                                "location": loc},
               "configuration": dict(job.get("configuration", {}),
                                     jobType="LOAD"),
               "statistics": {"creationTime": now},
               "status": {"state": "PENDING"}}
        wait = st.config.get("job_seconds", 0)
        st.jobs[(p, jid)] = {"job": rec, "data": data,
                             "polls": st.config.get("job_polls", 0),
                             "ready_at": time.time() + wait}
        if st.jobs[(p, jid)]["polls"] <= 0 and wait <= 0:
            self.run_job(st.jobs[(p, jid)])
        return rec

    def run_job(self, j):
        st = self.server.state
        rec, data = j["job"], j.pop("data", b"")
        load = rec["configuration"].get("load", {})
        dest = load.get("destinationTable", {})
        key = (dest.get("projectId"), dest.get("datasetId"),
               dest.get("tableId"))
        stats = rec["statistics"]
        stats["startTime"] = str(int(time.time() * 1000))
        rec["status"] = {"state": "DONE"}

        def fail(reason, msg, errors=()):
            rec["status"]["errorResult"] = {"reason": reason,
                                            "message": msg}
            rec["status"]["errors"] = list(errors) + [
                {"reason": reason, "message": msg}]
            stats["endTime"] = str(int(time.time() * 1000))
        if "discarded" in load:
            size, lines = load.pop("discarded")
            stats["endTime"] = str(int(time.time() * 1000))
            stats["load"] = {"inputFiles": "1", "inputFileBytes": str(size),
                             "outputRows": str(lines), "outputBytes": "0",
                             "badRecords": "0"}
            return
        jf = st.config.get("job_fail")
        if jf and jf.get("count") is not None:
            if st.counts.get("jobs_failed", 0) >= jf["count"]:
                jf = None
            else:
                st.counts["jobs_failed"] = st.counts.get("jobs_failed", 0) + 1
        if jf:
            return fail(jf.get("reason", "backendError"),
                        jf.get("message", "Backend error. Job aborted."))
        if (key[0], key[1]) not in st.datasets:
            return fail("notFound", "Not found: Dataset %s:%s" % key[:2])
        if load.get("sourceFormat") != "NEWLINE_DELIMITED_JSON":
            return fail("invalid", "Error while reading data, error "
                        "message: CSV table encountered too many errors")
        tb = st.tables.get(key)
        if tb is None and load.get("createDisposition") == "CREATE_NEVER":
            return fail("notFound", "Not found: Table %s:%s.%s" % key)
        objs, errors, off = [], [], 0
        for line in data.split(b"\n"):
            start, off = off, off + len(line) + 1
            if not line.strip():
                continue
            try:
                o = json.loads(line)
                if not isinstance(o, dict):
                    raise ValueError("not an object")
                objs.append((start, o))
            except ValueError:
                errors.append({"reason": "invalid", "location":
                               "file-00000000", "message":
                               "Error while reading data, error message: "
                               "JSON parsing error in row starting at "
                               "position %d: Parser terminated before end "
                               "of string" % start})
        schema = load.get("schema", {}).get("fields")
        if schema is None:
            if load.get("autodetect"):
                schema = autodetect([o for _, o in objs])
            elif tb is not None:
                schema = tb["schema"]
            else:
                return fail("invalid", "No schema specified on job or "
                            "table.")
        rows = []
        for start, o in objs:
            try:
                rows.append(record(schema, o,
                                   load.get("ignoreUnknownValues", False)))
            except RowError as e:
                errors.append({"reason": "invalid",
                               "location": "file-00000000",
                               "message": "Error while reading data, error "
                               "message: JSON parsing error in row starting "
                               "at position %d: %s" % (start, e)})
        maxbad = int(load.get("maxBadRecords", 0))
        if len(errors) > maxbad:
            return fail("invalid", "Error while reading data, error message: "
                        "JSON table encountered too many errors, giving up. "
                        "Rows: %d; errors: %d. Please look into the errors[] "
                        "collection for more details." %
                        (len(rows) + len(errors), len(errors)), errors)
        wd = load.get("writeDisposition", "WRITE_APPEND")
        now = str(int(time.time() * 1000))
        if wd == "WRITE_EMPTY" and tb is not None and tb["rows"]:
            return fail("duplicate", "Already Exists: Table %s:%s.%s" % key)
        if tb is None or wd == "WRITE_TRUNCATE":
            tb = st.tables[key] = {"schema": schema, "rows": [], "bytes": 0,
                                   "created": now}
        tb["rows"].extend(rows)
        tb["bytes"] += len(data)
        tb["modified"] = now
        if errors:
            rec["status"]["errors"] = errors
        stats["endTime"] = str(int(time.time() * 1000))
        stats["load"] = {"inputFiles": "1", "inputFileBytes": str(len(data)),
                         "outputRows": str(len(rows)),
                         "outputBytes": str(len(data)),
                         "badRecords": str(len(errors))}

    def dup(self, p, jid):
        loc = "US"
        st = self.server.state
        with st.lock:
            j = st.jobs.get((p, jid))
            if j:
                loc = j["job"]["jobReference"]["location"]
        self.send(409, err_body(409, "duplicate", "Already Exists: Job %s:%s.%s"
                                % (p, loc, jid)))

    def check_job(self, job):
        if not isinstance(job, dict):
            return "Invalid JSON payload received."
        jid = job.get("jobReference", {}).get("jobId")
        if jid is not None and not re.match(r"^[A-Za-z0-9_-]{1,1024}$", jid):
            return "Invalid job ID \"%s\"." % jid
        load = job.get("configuration", {}).get("load")
        if not isinstance(load, dict) or not load.get("destinationTable"):
            return "Required parameter is missing: destinationTable"
        wd = load.get("writeDisposition", "WRITE_APPEND")
        if wd not in ("WRITE_APPEND", "WRITE_TRUNCATE", "WRITE_EMPTY",
                      "WRITE_TRUNCATE_DATA"):
            return "Invalid value for writeDisposition: %s" % wd
        for f in load.get("schema", {}).get("fields", []):
            if not re.match(r"^[A-Za-z_][A-Za-z0-9_]{0,299}$",
                            f.get("name", "")):
                return "Invalid field name \"%s\"." % f.get("name")
        return None

    def job_insert(self, p):
        self.entry["kind"] = "job_insert"
        if self.status_fault(self.fault("job_insert")) or \
                not self.authorized():
            return
        self.read_body()
        self.send(400, err_body(400, "invalid", "Load configuration must "
                                "specify at least one source URI"))

    def job_get(self, p, jid):
        self.entry["kind"] = "job_get"
        if self.status_fault(self.fault("job_get")) or not self.authorized():
            return
        st = self.server.state
        with st.lock:
            j = st.jobs.get((p, jid))
            loc = self.q.get("location")
            jloc = j["job"]["jobReference"]["location"] if j else ""
            # Without ?location= only the US and EU multi-regions are found.
            if j is None or (loc and loc.lower() != jloc.lower()) or \
                    (not loc and jloc.upper() not in ("US", "EU")):
                return self.send(404, err_body(404, "notFound",
                                               "Not found: Job %s:%s.%s" %
                                               (p, loc or "US", jid)))
            if j["job"]["status"]["state"] != "DONE":
                if j["polls"] > 0:
                    j["polls"] -= 1
                if j["job"]["status"]["state"] == "PENDING":
                    j["job"]["status"] = {"state": "RUNNING"}
                    j["job"]["statistics"]["startTime"] = \
                        str(int(time.time() * 1000))
                if j["polls"] == 0 and time.time() >= j["ready_at"]:
                    self.run_job(j)
            self.entry["state"] = j["job"]["status"]["state"]
            self.send(200, j["job"])

    # -- uploads --
    def upload_start(self, p):
        self.entry["kind"] = "upload_start"
        f = self.fault("upload_start")
        if self.status_fault(f) or not self.authorized():
            return
        if f and f.get("do") == "drop":
            self.read_body()
            self.drop()
        try:
            job = json.loads(self.read_body() or b"null")
        except ValueError:
            job = None
        msg = self.check_job(job)
        if msg:
            return self.send(400, err_body(400, "invalid", msg))
        st = self.server.state
        jid = job.get("jobReference", {}).get("jobId")
        self.entry["job_id"] = jid
        with st.lock:
            if jid and (p, jid) in st.jobs:
                return self.dup(p, jid)
            sid = secrets.token_urlsafe(18)
            st.sessions[sid] = {"project": p, "job": job,
                                "data": bytearray(), "result": None}
        host = self.headers.get("Host", "127.0.0.1")
        scheme = "https" if self.server.tls else "http"
        loc = ("%s://%s/upload/bigquery/v2/projects/%s/jobs?"
               "uploadType=resumable&upload_id=%s" % (scheme, host, p, sid))
        if f and f.get("do") == "lose_response":
            self.drop()
        self.send(200, raw=b"", headers=[("Location", loc),
                                         ("X-GUploader-UploadID", sid)])

    def upload_put(self, p):
        st = self.server.state
        cr = self.headers.get("Content-Range")
        self.entry["content_range"] = cr
        n = int(self.headers.get("Content-Length", "0") or "0")
        status_query = cr is not None and cr.startswith("bytes */")
        fm = re.match(r"^bytes \d+-(\d+)/(\d+)$", cr or "")
        final = cr is None or (fm and int(fm.group(1)) + 1 ==
                                int(fm.group(2)))
        kind = ("upload_status" if status_query else
                "upload_final" if final else "upload_chunk")
        self.entry["kind"] = kind
        f = self.fault(kind)
        if self.status_fault(f) or not self.authorized():
            return
        if f and f.get("do") == "expire_tokens":
            with st.lock:
                for t in list(st.tokens):
                    if st.tokens[t] != float("inf"):
                        st.tokens[t] = 0
            if not self.authorized():
                return
        with st.lock:
            s = st.sessions.get(self.q["upload_id"])
        if s is None:
            self.read_body()
            return self.send(404, err_body(404, "notFound",
                                           "Upload session not found"))
        if f and f.get("do") == "drop_mid":
            part = self.read_body(limit=n // 2)
            with st.lock:
                m = re.match(r"^bytes (\d+)-(\d+)/", cr or "")
                if m and int(m.group(1)) == len(s["data"]) and \
                        s["result"] is None:
                    keep = len(part) // CHUNK * CHUNK
                    s["data"] += part[:keep]
                    self.entry["persisted"] = len(s["data"])
            self.drop()
        if f and f.get("do") == "drop":
            self.read_body()
            self.drop()
        body = self.read_body()
        self.entry["body_len"] = len(body)
        with st.lock:
            if s["result"] is not None:
                if f and f.get("do") == "lose_response":
                    self.drop()
                return self.send(200, s["result"])
            have = s.get("size", 0) if st.config.get("discard") \
                else len(s["data"])
            if cr is None:
                first, last, total = 0, len(body) - 1, len(body)
                s["data"] = bytearray()
                have = 0
            else:
                m = re.match(r"^bytes (?:(\d+)-(\d+)|\*)/(\d+|\*)$", cr)
                if not m:
                    return self.send(400, err_body(400, "invalid",
                                                   "Invalid Content-Range"))
                total = None if m.group(3) == "*" else int(m.group(3))
                if m.group(1) is None:
                    if body:
                        return self.send(400, err_body(400, "invalid",
                                         "Content-Range */N with a body"))
                    if total is None or total > have:
                        return self.incomplete(s)
                    if total < have:
                        return self.send(400, err_body(400, "invalid",
                                         "Total size smaller than data "
                                         "already persisted"))
                    return self.finish(p, s, f)
                first, last = int(m.group(1)), int(m.group(2))
            if last - first + 1 != len(body) or last < first:
                return self.send(400, err_body(400, "invalid",
                                 "Content-Range does not match the body "
                                 "length"))
            if first > have:
                return self.send(400, err_body(400, "invalid",
                                 "Content-Range starts after the persisted "
                                 "data (%d)" % have))
            final = total is not None and last + 1 == total
            if total is not None and last + 1 > total:
                return self.send(400, err_body(400, "invalid",
                                               "Content-Range beyond total"))
            if not final and len(body) % CHUNK:
                return self.send(400, err_body(400, "invalid",
                                 "Invalid request. The number of bytes "
                                 "uploaded is required to be equal or "
                                 "greater than 262144, except for the final "
                                 "request (it's recommended to be the exact "
                                 "multiple of 262144)."))
            new = body[have - first:]
            if f and f.get("do") == "persist_less" and not final:
                keep = (len(new) // 2) // CHUNK * CHUNK
                new = new[:keep]
            if st.config.get("discard"):
                s["size"] = s.get("size", 0) + len(new)
                s["lines"] = s.get("lines", 0) + new.count(b"\n")
                if final and s["size"] == total:
                    return self.finish(p, s, f)
                return self.incomplete(s)
            s["data"] += new
            self.entry["persisted"] = len(s["data"])
            if final and len(s["data"]) == total:
                return self.finish(p, s, f)
            return self.incomplete(s)

    def incomplete(self, s):
        hdrs = []
        n = s["size"] if "size" in s else len(s["data"])
        if n:
            hdrs.append(("Range", "bytes=0-%d" % (n - 1)))
        self.entry["range"] = hdrs[0][1] if hdrs else None
        self.send(308, raw=b"", headers=hdrs)

    def finish(self, p, s, f):
        st = self.server.state
        if "size" in s:
            s["job"]["configuration"]["load"]["discarded"] = [s["size"],
                                                              s["lines"]]
        rec = self.new_job(p, s["job"], bytes(s["data"]))
        jid = s["job"]["jobReference"]["jobId"]
        if rec is None:
            return self.dup(p, jid)
        s["result"] = rec
        self.entry["job_id"] = jid
        self.entry["job_created"] = True
        s["data"] = bytearray()
        if f and f.get("do") == "lose_response":
            self.drop()
        self.send(200, rec)
        st.counts["jobs_created"] = st.counts.get("jobs_created", 0) + 1

    def multipart(self, p):
        self.entry["kind"] = "multipart"
        f = self.fault("multipart")
        if self.status_fault(f) or not self.authorized():
            return
        ct = self.headers.get("Content-Type", "")
        m = re.search(r'boundary=(?:"([^"]+)"|([^;\s]+))', ct)
        body = self.read_body()
        if not ct.lower().startswith("multipart/related") or not m:
            return self.send(400, err_body(400, "invalid",
                                           "Invalid multipart request"))
        b = ("--" + (m.group(1) or m.group(2))).encode()
        parts = body.split(b)
        # ['', part1, part2, '--...']
        docs = []
        for part in parts[1:]:
            if part.startswith(b"--"):
                break
            part = part[2:] if part.startswith(b"\r\n") else part
            hdr, _, data = part.partition(b"\r\n\r\n")
            if data.endswith(b"\r\n"):
                data = data[:-2]
            docs.append((hdr.lower(), data))
        if len(docs) != 2:
            return self.send(400, err_body(400, "invalid",
                                           "Multipart body needs 2 parts"))
        try:
            job = json.loads(docs[0][1])
        except ValueError:
            job = None
        msg = self.check_job(job)
        if msg:
            return self.send(400, err_body(400, "invalid", msg))
        st = self.server.state
        with st.lock:
            jid = job.get("jobReference", {}).get("jobId")
            self.entry["job_id"] = jid
            rec = self.new_job(p, job, docs[1][1])
            if rec is None:
                return self.dup(p, jid)
            self.entry["job_created"] = True
            self.send(200, rec)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass    # dropped connections and TLS refusals are expected


def main():
    a = sys.argv[1:]
    d, cfg_path, tls, idle = None, None, None, 30.0
    while a:
        o = a.pop(0)
        if o == "--dir":
            d = a.pop(0)
        elif o == "--config":
            cfg_path = a.pop(0)
        elif o == "--tls":
            tls = (a.pop(0), a.pop(0))
        elif o == "--idle":
            idle = float(a.pop(0))
        else:
            sys.exit("fakebq: unknown option %s" % o)
    if d is None:
        sys.exit("usage: fakebq.py --dir DIR [--config F] [--tls CERT KEY]")
    cfg = {}
    if cfg_path:
        with open(cfg_path) as fp:
            cfg = json.load(fp)
    state = State(d, cfg)
    servers = []

    def stop_all():
        for s in servers:
            s.shutdown()

    for kind in (["plain", "tls"] if tls else ["plain"]):
        s = Server(("127.0.0.1", 0), Handler)
        s.state, s.tls, s.stop_all = state, kind == "tls", stop_all
        if s.tls:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(*tls)
            s.socket = ctx.wrap_socket(s.socket, server_side=True)
        servers.append(s)
        name = "port" if kind == "plain" else "tls-port"
        with open(os.path.join(d, name + ".tmp"), "w") as fp:
            fp.write(str(s.server_address[1]))
        os.rename(os.path.join(d, name + ".tmp"), os.path.join(d, name))
    threads = [threading.Thread(target=s.serve_forever, daemon=True)
               for s in servers]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        time.sleep(0.2)
        if time.time() - state.last > idle:
            stop_all()
            break
    for s in servers:
        s.server_close()


if __name__ == "__main__":
    main()
