"""Received messages and their headers.

Msg is a native type (one is made per received message, so it is cheap: its
fields become Python objects only when read). Headers is plain Python.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping


class Headers(Mapping[str, str]):
    """Multi-valued headers that keep their keys' case and order; lookups ignore case.

    ``headers["Order-Id"]`` is the first value, ``headers.get_all("order-id")``
    every one, ``headers.pairs()`` the (key, value) pairs as they arrived. A
    Headers can be passed back as the headers of a publish.
    """

    __slots__ = ("_pairs",)

    def __init__(self, pairs: list[tuple[str, str]] | None = None):
        self._pairs = list(pairs or [])

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

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Headers):
            return self._pairs == other._pairs
        return Mapping.__eq__(self, other)

    def __repr__(self) -> str:
        return f"Headers({self._pairs!r})"

