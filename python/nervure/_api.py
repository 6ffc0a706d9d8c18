"""Tables from the API definition for the asyncio layer (generated from the definition in bindings/api/ by bindings/generator; do not edit)."""

from __future__ import annotations

from typing import Any, NamedTuple


class ConnectOption(NamedTuple):
    type: str  # string, int, bool or duration (seconds here)
    default: Any
    doc: str


EVENTS: dict[int, str] = {1: "connected", 2: "disconnected", 3: "reconnected", 4: "closed", 5: "lame_duck", 6: "servers_discovered", 7: "async_error", 8: "slow_consumer"}

EVENT_DOCS: dict[str, str] = {
    "connected": 'The first connection is up (detail: the server URL).',
    "disconnected": 'The connection was lost (detail: server and reason); reconnecting starts.',
    "reconnected": 'Connected again (detail: the server URL); subscriptions were restored.',
    "closed": 'The connection is closed for good.',
    "lame_duck": 'The server is shutting down and asks clients to move (detail: its URL).',
    "servers_discovered": 'The cluster announced servers not known before.',
    "async_error": 'An error with no caller to raise it to: a server -ERR, a stale connection, a handler that failed (detail: the text).',
    "slow_consumer": 'A subscription reached its pending limits and drops messages (detail: which).',
}

# Every operation of the definition, by object: the asyncio layer offers each one.
OPERATIONS: dict[str, tuple[str, ...]] = {
    "connection": ("actor_host", "actor_invoke", "actor_tell", "publish", "subscribe", "request", "flush", "drain", "close", "is_connected", "is_reconnecting", "is_closed", "stats", "server_info", "connected_url", "new_inbox", "max_payload", "jetstream", ),
    "actor_host": ("register_type", "start", "stop", "turns", "complete", "state_get", "state_contains", "state_set", "state_remove", "state_save", "register_timer", "unregister_timer", "register_reminder", "unregister_reminder", "invoke", "host_id", "stats", "method_stats", ),
    "subscription": ("unsubscribe", "drain", "auto_unsubscribe", "set_pending_limits", "pending", "pending_bytes", "dropped", "delivered", ),
    "jetstream": ("account_info", "add_stream", "update_stream", "stream_info", "delete_stream", "purge_stream", "stream_names", "streams", "get_msg", "delete_msg", "publish", "publish_async_complete", "add_consumer", "update_consumer", "consumer_info", "delete_consumer", "consumer_names", "fetch", "consume", "ordered_consumer", "ack", "ack_sync", "metadata", "create_key_value", "key_value", "delete_key_value", "key_value_names", ),
    "key_value": ("bucket", "put", "get", "create", "update", "delete", "purge", "keys", "history", "watch", "status", ),
}

CONNECT_OPTIONS: dict[str, ConnectOption] = {
    "name": ConnectOption("string", '', 'Connection name shown by the server.'),
    "user": ConnectOption("string", '', 'User for user/password authentication.'),
    "password": ConnectOption("string", '', 'Password for user/password authentication.'),
    "token": ConnectOption("string", '', 'Authentication token.'),
    "nkey_seed": ConnectOption("string", '', 'User NKey seed (SU...); the public key is derived from it.'),
    "creds_file": ConnectOption("string", '', 'Path of a .creds file (JWT and NKey seed, as written by nsc).'),
    "tls": ConnectOption("bool", False, 'Require TLS (also implied by a tls:// URL or a server that requires it).'),
    "tls_ca_file": ConnectOption("string", '', 'CA certificates to trust; the system store when empty.'),
    "tls_cert_file": ConnectOption("string", '', 'Client certificate (mutual TLS).'),
    "tls_key_file": ConnectOption("string", '', 'Client private key (mutual TLS).'),
    "tls_verify": ConnectOption("bool", True, "Verify the server's certificate chain."),
    "tls_verify_hostname": ConnectOption("bool", True, 'Check that the certificate names the host dialled.'),
    "tls_handshake_first": ConnectOption("bool", False, "Start TLS before the server's INFO (server option handshake_first)."),
    "randomize": ConnectOption("bool", True, 'Shuffle the server list, the first connect too.'),
    "connect_timeout": ConnectOption("duration", 2.0, 'Time allowed for each connection attempt.'),
    "reconnect": ConnectOption("bool", True, 'Reconnect when the connection is lost.'),
    "max_reconnect_attempts": ConnectOption("int", 60, 'Attempts per server before giving up; -1 retries forever.'),
    "reconnect_wait": ConnectOption("duration", 2.0, 'Base backoff between attempts at the same server.'),
    "reconnect_wait_max": ConnectOption("duration", 8.0, 'Cap of the exponential backoff.'),
    "reconnect_jitter": ConnectOption("duration", 0.1, 'Random extra wait per attempt, plain TCP.'),
    "reconnect_jitter_tls": ConnectOption("duration", 1.0, 'Random extra wait per attempt, TLS.'),
    "reconnect_buffer_size": ConnectOption("int", 8388608, 'Bytes of publishes kept while disconnected; 0 makes publishing fail while down.'),
    "ping_interval": ConnectOption("duration", 120.0, 'Keepalive PING interval.'),
    "max_pings_out": ConnectOption("int", 2, 'Unanswered PINGs before the connection is declared stale.'),
    "no_echo": ConnectOption("bool", False, "Do not receive this connection's own messages."),
    "inbox_prefix": ConnectOption("string", '_INBOX', 'Prefix of reply subjects.'),
    "ignore_discovered_servers": ConnectOption("bool", False, 'Use only the servers given, not those the cluster announces.'),
    "pending_msgs_limit": ConnectOption("int", 524288, 'Default per-subscription queue limit in messages; -1 unlimited.'),
    "pending_bytes_limit": ConnectOption("int", 67108864, 'Default per-subscription queue limit in bytes; -1 unlimited.'),
}
