"""The nervure error hierarchy, the same in every language (generated from the definition in bindings/api/ by bindings/generator; do not edit)."""

from __future__ import annotations

import builtins
from typing import Any

__all__ = ["NervureError", "ConnectionClosedError", "TimeoutError", "NoRespondersError", "InvalidSubjectError", "MaxPayloadError", "AuthorizationError", "SlowConsumerError", "JetStreamApiError", "NotSupportedByServerError", "ActorError", "InvalidArgumentError", "error_for_code"]


class NervureError(Exception):
    """Root of every nervure error."""

    error_code = 1


class ConnectionClosedError(NervureError):
    """The connection is closed (or draining) and cannot do this."""

    error_code = 2


class TimeoutError(NervureError, builtins.TimeoutError):
    """No answer in time: a request, a flush, a next message."""

    error_code = 3


class NoRespondersError(NervureError):
    """A request found nobody listening on its subject."""

    error_code = 4


class InvalidSubjectError(NervureError):
    """A subject or queue group name is not valid."""

    error_code = 5


class MaxPayloadError(NervureError):
    """The message is larger than the server accepts."""

    error_code = 6


class AuthorizationError(NervureError):
    """The server refused the credentials."""

    error_code = 7


class SlowConsumerError(NervureError):
    """A subscription fell behind and messages were dropped."""

    error_code = 8


class JetStreamApiError(NervureError):
    """The JetStream API answered with an error.

    Attributes:
        code: The server's HTTP-like status (400, 404, 503...).
        err_code: The server's JetStream error code (10058 stream name in use...).
    """

    error_code = 9
    code: int = 0
    err_code: int = 0


class NotSupportedByServerError(NervureError):
    """The connected server cannot honour this feature."""

    error_code = 10


class ActorError(NervureError):
    """An actor method failed remotely.

    Attributes:
        remote_type: The type of the error the actor raised, as its language names it.
    """

    error_code = 11
    remote_type: str = ""


class InvalidArgumentError(NervureError):
    """An option or argument is not valid (bad URL, bad creds file, bad number)."""

    error_code = 12


_BY_CODE: dict[int, type[NervureError]] = {1: NervureError, 2: ConnectionClosedError, 3: TimeoutError, 4: NoRespondersError, 5: InvalidSubjectError, 6: MaxPayloadError, 7: AuthorizationError, 8: SlowConsumerError, 9: JetStreamApiError, 10: NotSupportedByServerError, 11: ActorError, 12: InvalidArgumentError}


def error_for_code(code: int, message: str, fields: dict[str, Any] | None = None) -> NervureError:
    """The exception for a core error code, with its structured fields as attributes."""
    exc = _BY_CODE.get(code, NervureError)(message)
    for name, value in (fields or {}).items():
        setattr(exc, name, value)
    return exc
