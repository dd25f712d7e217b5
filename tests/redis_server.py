"""A real Redis server for the tests (Debian's redis-server) on a free loopback port, that a test
can stop and start again."""

import shutil
import socket
import subprocess
import time

import redis


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
        client = self.client()
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def cache_setting(self) -> dict:
        return {
            "default": {
                "BACKEND": "core.cache_backends.TolerantRedisCache",
                "LOCATION": self.url,
                "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
            }
        }
