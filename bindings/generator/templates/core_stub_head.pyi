from typing import Any, Generator, Mapping, Sequence

from nervure._message import Headers

_Data = bytes | bytearray | memoryview | str
_HeadersIn = Mapping[str, str | Sequence[str]] | Sequence[tuple[str, str]] | Headers | None

class Done:
    """Already finished: `await` it or ignore it."""
    def __await__(self) -> Generator[Any, None, None]: ...

DONE: Done
