"""The Python surface against the API definition: every operation offered,
the error hierarchy, type information, documentation."""
import importlib.resources
import inspect

import pytest

import nervure
from nervure import _api, _core


def test_error_hierarchy_and_codes():
    root = nervure.NervureError
    for name in nervure.errors.__all__:
        if name == "error_for_code":
            continue
        cls = getattr(nervure, name)
        assert issubclass(cls, root)
        assert nervure.errors.error_for_code(cls.error_code, "x").__class__ is cls
    assert issubclass(nervure.TimeoutError, TimeoutError)  # the built-in catches it too
    assert nervure.errors.error_for_code(999, "odd").__class__ is root


def test_error_fields_become_attributes():
    e = nervure.errors.error_for_code(9, "stream not found", {"code": 404, "err_code": 10059})
    assert isinstance(e, nervure.JetStreamApiError)
    assert (e.code, e.err_code, str(e)) == (404, 10059, "stream not found")
    a = nervure.errors.error_for_code(11, "bad amount", {"remote_type": "ValueError"})
    assert a.remote_type == "ValueError"
    assert nervure.JetStreamApiError("x").err_code == 0  # defaults when the core sent none


def test_every_operation_of_the_definition_is_offered():
    # The actor host's operations serve the idiomatic layer (ActorRuntime, Actor, ActorState).
    from nervure._actors import _ActorHost
    classes = {"connection": nervure.Connection, "subscription": nervure.Subscription, "actor_host": _ActorHost,
               "jetstream": nervure.JetStream, "key_value": nervure.KeyValue}
    assert set(_api.OPERATIONS) == set(classes)
    for obj, ops in _api.OPERATIONS.items():
        for op in ops:
            assert hasattr(classes[obj], op), f"{classes[obj].__name__} lacks {op}"
            assert getattr(classes[obj], op).__doc__, f"{obj}.{op} has no docstring"


def test_connect_documents_every_option():
    doc = nervure.connect.__doc__
    for name, spec in _api.CONNECT_OPTIONS.items():
        assert name in doc and spec.doc in doc


def test_typing_files_ship_with_the_package():
    files = importlib.resources.files("nervure")
    assert files.joinpath("py.typed").is_file()
    stub = files.joinpath("_core.pyi").read_text()
    for cls in ("class Msg", "class Connection", "class Subscription", "def connect"):
        assert cls in stub


def test_native_methods_have_signatures():
    sig = inspect.signature(_core.Connection.publish)
    assert list(sig.parameters)[1:] == ["subject", "data", "reply", "headers"]
    assert str(inspect.signature(_core.Msg.respond)) == "(self, /, data=b'', headers=None)"


def test_done_is_awaitable_and_reusable():
    import asyncio

    async def twice():
        await _core.DONE
        await _core.DONE

    asyncio.run(twice())


def test_the_package_type_checks_strictly(tmp_path, monkeypatch):
    mypy = pytest.importorskip("mypy.api")
    # A copy of the sources and stubs as installed, away from site-packages
    # (which mypy refuses to treat as a source root).
    package = importlib.resources.files("nervure")
    copy = tmp_path / "nervure"
    copy.mkdir()
    for f in package.iterdir():
        if f.name.endswith((".py", ".pyi")) or f.name == "py.typed":
            (copy / f.name).write_bytes(f.read_bytes())
    monkeypatch.chdir(tmp_path)
    out, err, status = mypy.run(["--strict", "--follow-imports=silent", "--no-incremental", "-p", "nervure"])
    assert status == 0, out + err
