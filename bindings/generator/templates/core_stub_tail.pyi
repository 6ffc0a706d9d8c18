def connect(servers: list[str], options: dict[str, Any]) -> Connection:
    """Connects (blocking, without the GIL). Durations are integers of milliseconds."""

class LoopSpinner:
    """Busy-polls an event loop while a request is due (python/src/module.cpp, nervure._spin)."""
    def __init__(self) -> None: ...
    def add(self, connection: Connection) -> None: ...
    def remove(self, connection: Connection) -> None: ...
    def spin(self, fd: int, max_wait: float) -> tuple[float, list[int]] | None:
        """None when it did not poll; else the seconds spent and the wake descriptors whose batch
        the polling queued unannounced (the loop reports them ready)."""
