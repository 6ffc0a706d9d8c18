"""Argument types and units shared by the asyncio layer and its generated part."""
from __future__ import annotations

import math
from typing import Any, Callable, Mapping, Sequence, Union

from ._errors import InvalidArgumentError
from ._message import Headers

Data = Union[bytes, bytearray, memoryview, str]
HeadersIn = Union[Mapping[str, Union[str, Sequence[str]]], Sequence[tuple[str, str]], Headers, None]
EventCallback = Callable[[str, str], Any]


def to_ms(seconds: float, what: str, minimum: int = 0) -> int:
    """Seconds (Python's unit for durations) to the core's milliseconds, rounding up."""
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds >= minimum / 1000:
        bound = "a positive" if minimum > 0 else "a non-negative"
        raise InvalidArgumentError(f"{what} must be {bound} number of seconds, not {seconds!r}")
    return max(minimum, math.ceil(seconds * 1000))
