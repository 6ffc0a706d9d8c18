import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "harness"))
from nervure_harness import Harness  # noqa: E402


@pytest.fixture(scope="session")
def server():
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
