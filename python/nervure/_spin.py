"""Busy-polling the event loop while a reply is due.

An asyncio loop with nothing to do sleeps in its selector, and waking a
sleeping thread costs tens of microseconds on a virtual machine: a sequential
request paid that for its reply, and once more for the request itself when
the responder runs on the same loop. While a request of one of the loop's
connections is in flight and younger than request_spin (200 us), the loop's
selector instead polls its own epoll descriptor, yielding the CPU in between
and without the GIL (see bindings/runtime/loop_spin.hpp). It returns as soon
as anything the loop watches is ready, so no callback, timer or other socket
waits longer than it would have. A reply the polling reads itself is reported
ready at once, without the eventfd and another wait in epoll.

asyncio has no hook before its selector blocks, so the selector's select is
wrapped; loops without a selector with an epoll descriptor (uvloop, Windows)
are left alone and simply sleep.
"""
from __future__ import annotations

import asyncio
import selectors
import weakref
from collections.abc import Mapping
from typing import Any

from . import _core

_spinners: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _core.LoopSpinner | None]" = \
    weakref.WeakKeyDictionary()


def spinner_for(loop: asyncio.AbstractEventLoop) -> "_core.LoopSpinner | None":
    """The loop's spinner, installed on first use; None where it cannot spin."""
    try:
        return _spinners[loop]
    except KeyError:
        pass
    spinner = _install(loop)
    _spinners[loop] = spinner
    return spinner


def _install(loop: asyncio.AbstractEventLoop) -> "_core.LoopSpinner | None":
    selector = getattr(loop, "_selector", None)
    fileno = getattr(selector, "fileno", None)
    if selector is None or fileno is None or type(selector).__name__ != "EpollSelector":
        return None
    fd = fileno()
    spinner = _core.LoopSpinner()
    select = selector.select

    get_map: Mapping[Any, selectors.SelectorKey] = selector.get_map()

    def key_of(wake_fd: int) -> "selectors.SelectorKey | None":
        return get_map.get(wake_fd)  # None once its connection has shut down

    def spinning_select(timeout: float | None = None) -> list[tuple[Any, int]]:
        if timeout is None or timeout > 0:
            spun = spinner.spin(fd, -1.0 if timeout is None else timeout)
            if spun is not None:
                spent, ready = spun
                if ready:
                    # Batches the polling read itself, left unannounced: reported
                    # ready here, which spares the eventfd's write and read and
                    # this select (other descriptors are asked next time round).
                    return [(k, selectors.EVENT_READ) for k in map(key_of, ready) if k is not None]
                if spent and timeout is not None:
                    timeout = max(0.0, timeout - spent)
        events: list[tuple[Any, int]] = select(timeout)
        return events

    selector.select = spinning_select  # an instance attribute: the class stays as it is
    return spinner
