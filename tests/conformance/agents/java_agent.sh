#!/usr/bin/env bash
exec "$(dirname "$0")/../../../java/conformance/agent.sh" "$@"
