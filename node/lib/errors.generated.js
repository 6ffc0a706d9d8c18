// generated from the definition in bindings/api/ by bindings/generator; do not edit
"use strict";

/** Root of every nervure error; `code` names the kind, `errorCode` is the number every language shares. */
/** Root of every nervure error. */
class NervureError extends Error {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, "name", { value: "NervureError", enumerable: false, configurable: true, writable: true });
    this.code = "NERVURE";
    this.errorCode = 1;
  }
}

/** The connection is closed (or draining) and cannot do this. */
class ConnectionClosedError extends NervureError {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, "name", { value: "ConnectionClosedError", enumerable: false, configurable: true, writable: true });
    this.code = "CONNECTION_CLOSED";
    this.errorCode = 2;
  }
}

/** No answer in time: a request, a flush, a next message. */
class TimeoutError extends NervureError {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, "name", { value: "TimeoutError", enumerable: false, configurable: true, writable: true });
    this.code = "TIMEOUT";
    this.errorCode = 3;
  }
}

/** A request found nobody listening on its subject. */
class NoRespondersError extends NervureError {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, "name", { value: "NoRespondersError", enumerable: false, configurable: true, writable: true });
    this.code = "NO_RESPONDERS";
    this.errorCode = 4;
  }
}

/** A subject or queue group name is not valid. */
class InvalidSubjectError extends NervureError {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, "name", { value: "InvalidSubjectError", enumerable: false, configurable: true, writable: true });
    this.code = "INVALID_SUBJECT";
    this.errorCode = 5;
  }
}

/** The message is larger than the server accepts. */
class MaxPayloadError extends NervureError {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, "name", { value: "MaxPayloadError", enumerable: false, configurable: true, writable: true });
    this.code = "MAX_PAYLOAD";
    this.errorCode = 6;
  }
}

/** The server refused the credentials. */
class AuthorizationError extends NervureError {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, "name", { value: "AuthorizationError", enumerable: false, configurable: true, writable: true });
    this.code = "AUTHORIZATION";
    this.errorCode = 7;
  }
}

/** A subscription fell behind and messages were dropped. */
class SlowConsumerError extends NervureError {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, "name", { value: "SlowConsumerError", enumerable: false, configurable: true, writable: true });
    this.code = "SLOW_CONSUMER";
    this.errorCode = 8;
  }
}

/** The JetStream API answered with an error. */
class JetStreamApiError extends NervureError {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, "name", { value: "JetStreamApiError", enumerable: false, configurable: true, writable: true });
    this.code = "JETSTREAM_API";
    this.errorCode = 9;
    /** The server's HTTP-like status (400, 404, 503...). */
    this.apiCode = fields && fields.code !== undefined ? fields.code : 0;
    /** The server's JetStream error code (10058 stream name in use...). */
    this.errCode = fields && fields.err_code !== undefined ? fields.err_code : 0;
  }
}

/** The connected server cannot honour this feature. */
class NotSupportedByServerError extends NervureError {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, "name", { value: "NotSupportedByServerError", enumerable: false, configurable: true, writable: true });
    this.code = "NOT_SUPPORTED_BY_SERVER";
    this.errorCode = 10;
  }
}

/** An actor method failed remotely. */
class ActorError extends NervureError {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, "name", { value: "ActorError", enumerable: false, configurable: true, writable: true });
    this.code = "ACTOR";
    this.errorCode = 11;
    /** The type of the error the actor raised, as its language names it. */
    this.remoteType = fields && fields.remote_type !== undefined ? fields.remote_type : "";
  }
}

/** An option or argument is not valid (bad URL, bad creds file, bad number). */
class InvalidArgumentError extends NervureError {
  constructor(message, fields) {
    super(message);
    Object.defineProperty(this, "name", { value: "InvalidArgumentError", enumerable: false, configurable: true, writable: true });
    this.code = "INVALID_ARGUMENT";
    this.errorCode = 12;
  }
}

const BY_CODE = {1: NervureError, 2: ConnectionClosedError, 3: TimeoutError, 4: NoRespondersError, 5: InvalidSubjectError, 6: MaxPayloadError, 7: AuthorizationError, 8: SlowConsumerError, 9: JetStreamApiError, 10: NotSupportedByServerError, 11: ActorError, 12: InvalidArgumentError};

/** The error for a core error code, with its structured fields. */
function errorForCode(code, message, fields) {
  const Cls = BY_CODE[code] || NervureError;
  return new Cls(message, fields);
}

module.exports = {NervureError, ConnectionClosedError, TimeoutError, NoRespondersError, InvalidSubjectError, MaxPayloadError, AuthorizationError, SlowConsumerError, JetStreamApiError, NotSupportedByServerError, ActorError, InvalidArgumentError, errorForCode };
