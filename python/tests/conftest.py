import asyncio
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "harness"))
from nervure_harness import Harness  # noqa: E402


@pytest.fixture(scope="session")
def server():
    """One server for the tests that only publish, subscribe and request."""
    with Harness("single") as h:
        yield h


@pytest.fixture
def fresh_server():
    """A server of the test's own, for tests that stop or restart it."""
    with Harness("single") as h:
        yield h


@pytest.fixture
def url(server):
    return server.url


async def eventually(predicate, timeout: float = 5.0, interval: float = 0.02):
    """Waits until predicate() is true; fails the test when it never is."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {timeout}s")
        await asyncio.sleep(interval)
