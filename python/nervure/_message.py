"""Received messages and their headers."""
from __future__ import annotations

from collections.abc import Iterator, Mapping

from . import _core

Msg = _core.Msg


class Headers(Mapping[str, str]):
    """Multi-valued headers that keep their keys' case; lookups ignore case.

    headers["Order-Id"] gives the first value; headers.get_all("order-id") every one."""

    __slots__ = ("_pairs",)

    def __init__(self, pairs: list[tuple[str, str]]):
        self._pairs = pairs

    def __getitem__(self, key: str) -> str:
        k = key.lower()
        for name, value in self._pairs:
            if name.lower() == k:
                return value
        raise KeyError(key)

    def get_all(self, key: str) -> list[str]:
        k = key.lower()
        return [v for name, v in self._pairs if name.lower() == k]

    def __iter__(self) -> Iterator[str]:
        seen = set()
        for name, _ in self._pairs:
            if name.lower() not in seen:
                seen.add(name.lower())
                yield name

    def __len__(self) -> int:
        return len({name.lower() for name, _ in self._pairs})

    def pairs(self) -> list[tuple[str, str]]:
        return list(self._pairs)

    def __repr__(self) -> str:
        return f"Headers({self._pairs!r})"


Msg.headers = property(lambda self: Headers(self.header_pairs), doc="Headers of the message (see Headers).")
