def connect(servers: list[str], options: dict[str, Any]) -> Connection:
    """Connects (blocking, without the GIL). Durations are integers of milliseconds."""
