#!/usr/bin/env bash
# Sourced by the plugin's hooks: locates the bundled CLI of this plugin checkout and a Node.js
# that can run it. Hooks stay thin shims; everything they do is `container_package <command>`.

# The plugin checkout (lib/..).
CONTAINER_PACKAGE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# container_package_node: prints the node binary to use, or fails with a clear message when
# there is none. CONTAINER_PACKAGE_NODE overrides the lookup. The version (>= 22.19) is checked
# by bin/container-package itself, without starting Node twice.
container_package_node() {
  local node="${CONTAINER_PACKAGE_NODE:-node}"
  if ! command -v "$node" >/dev/null 2>&1; then
    echo "container-package: Node.js 22.19 or newer is required on the agent, but '$node' was not found on PATH." >&2
    echo "container-package: install Node.js (https://nodejs.org) or set CONTAINER_PACKAGE_NODE to its path." >&2
    return 1
  fi
  printf '%s\n' "$node"
}

# container_package ARGS...: runs the bundled CLI.
container_package() {
  local node
  node="$(container_package_node)" || return 1
  "$node" "$CONTAINER_PACKAGE_ROOT/bin/container-package" "$@"
}
