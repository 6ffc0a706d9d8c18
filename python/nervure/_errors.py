"""The nervure error hierarchy (generated from bindings/api/nervure.json by bindings/generator; do not edit)."""

from __future__ import annotations

import builtins

__all__ = ["NervureError", "ConnectionClosedError", "TimeoutError", "NoRespondersError", "InvalidSubjectError", "MaxPayloadError", "AuthorizationError", "SlowConsumerError", "JetStreamApiError", "NotSupportedByServerError", "ActorError", "InvalidArgumentError", "error_for_code"]


class NervureError(Exception):
    """Root of every nervure error."""

    code = 1


class ConnectionClosedError(NervureError):
    """The connection is closed (or draining) and cannot do this."""

    code = 2


class TimeoutError(NervureError, builtins.TimeoutError):
    """No answer in time: a request, a flush, a next message."""

    code = 3


class NoRespondersError(NervureError):
    """A request found nobody listening on its subject."""

    code = 4


class InvalidSubjectError(NervureError):
    """A subject or queue group name is not valid."""

    code = 5


class MaxPayloadError(NervureError):
    """The message is larger than the server accepts."""

    code = 6


class AuthorizationError(NervureError):
    """The server refused the credentials."""

    code = 7


class SlowConsumerError(NervureError):
    """A subscription fell behind and messages were dropped."""

    code = 8


class JetStreamApiError(NervureError):
    """The JetStream API answered with an error (status and err_code attached)."""

    code = 9


class NotSupportedByServerError(NervureError):
    """The connected server cannot honour this feature."""

    code = 10


class ActorError(NervureError):
    """An actor method failed remotely (remote type and message attached)."""

    code = 11


class InvalidArgumentError(NervureError):
    """An option or argument is not valid (bad URL, bad creds file, bad number)."""

    code = 12


_BY_CODE = {1: NervureError, 2: ConnectionClosedError, 3: TimeoutError, 4: NoRespondersError, 5: InvalidSubjectError, 6: MaxPayloadError, 7: AuthorizationError, 8: SlowConsumerError, 9: JetStreamApiError, 10: NotSupportedByServerError, 11: ActorError, 12: InvalidArgumentError}


def error_for_code(code: int, message: str) -> NervureError:
    """The exception instance for a core error code."""
    return _BY_CODE.get(code, NervureError)(message)
