#!/usr/bin/env bash
# Sourced by the plugin's hooks once they found their checkout: decides whether the hook has
# anything to do, and finds a Node.js >= 22.19 to run the bundled CLI with — CONTAINER_PACKAGE_NODE,
# then `node` on PATH, then the runtime installed before; when there is none, it installs the
# Node.js pinned in lib/node-runtime.env (lib/node-runtime.bash). Hooks stay thin shims; everything they do is `container_package ...`.
# Nothing here writes to stdout: the hooks evaluate what the CLI prints there.

# The plugin checkout (lib/..).
case "${BASH_SOURCE[0]}" in
  */lib/hooks.bash) CONTAINER_PACKAGE_ROOT="${BASH_SOURCE[0]%/lib/hooks.bash}" ;;
  *) CONTAINER_PACKAGE_ROOT=. ;;
esac

# container_package_mode: `plugin` (a step's plugins: block) or `agent` (the agent's hooks
# path). The agent gives plugin hooks BUILDKITE_PLUGIN_NAME and BUILDKITE_PLUGIN_CONFIGURATION
# and no other hook; CONTAINER_PACKAGE_MODE=agent|plugin overrides. Sets container_package_hook_mode.
container_package_mode() {
  case "${CONTAINER_PACKAGE_MODE:-}" in
    agent | plugin) container_package_hook_mode="$CONTAINER_PACKAGE_MODE" ;;
    *)
      if [[ -n "${BUILDKITE_PLUGIN_NAME:-}${BUILDKITE_PLUGIN_CONFIGURATION:-}" ]] ||
        compgen -v BUILDKITE_PLUGIN_CONTAINER_PACKAGE_ >/dev/null; then
        container_package_hook_mode=plugin
      else
        container_package_hook_mode=agent
      fi
      ;;
  esac
}

# container_package_has_work HOOK: false when the hook has nothing to do for this job, decided
# without starting Node.js (so a job an agent-level hook leaves alone needs no Node.js at all).
# Agent-level hooks read the repository's file after checkout: the environment hook does
# nothing, post-checkout acts when any configuration exists, later hooks when post-checkout
# set the job up. Plugin hooks act from the environment hook on; they have no post-checkout work.
container_package_has_work() {
  container_package_mode
  if [[ $container_package_hook_mode == plugin ]]; then
    [[ $1 != post-checkout ]]
    return
  fi
  case "$1" in
    environment) return 1 ;;
    post-checkout)
      local file="${CONTAINER_PACKAGE_CONFIGURATION_FILE:-.buildkite/container-package.yml}"
      if [[ $file != /* && -n "${BUILDKITE_BUILD_CHECKOUT_PATH:-}" ]]; then
        file="$BUILDKITE_BUILD_CHECKOUT_PATH/$file"
      fi
      [[ -n "${CONTAINER_PACKAGE_CONFIGURATION_FILE:-}${CONTAINER_PACKAGE_CONFIGURATION:-}" || -f $file ]] ||
        compgen -v CONTAINER_PACKAGE_CONFIG_ >/dev/null
      ;;
    *) [[ -n "${CONTAINER_PACKAGE_STATE_DIR:-}" ]] ;;
  esac
}

# container_package_node_ok NODE: true when NODE runs and is Node.js >= 22.19.
container_package_node_ok() {
  local version major minor
  version="$("$1" --version 2>/dev/null)" || return 1
  version="${version#v}"
  major="${version%%.*}"
  minor="${version#*.}"
  minor="${minor%%.*}"
  [[ $major =~ ^[0-9]+$ && $minor =~ ^[0-9]+$ ]] || return 1
  ((major > 22 || (major == 22 && minor >= 19)))
}

# container_package_node_usable NODE: container_package_node_ok, asked once per job. The first
# hook that checks NODE once the job has a state dir leaves its path there (node-checked), and
# later hooks of the job take that instead of starting NODE only to ask its version (a second
# Node.js start in every hook). Within a job the path names the same binary.
container_package_node_usable() {
  local checked="" marker="${CONTAINER_PACKAGE_STATE_DIR:-}/node-checked"
  if [[ -n ${CONTAINER_PACKAGE_STATE_DIR:-} && -f $marker ]] && IFS= read -r checked <"$marker" &&
    [[ $checked == "$1" ]]; then
    return 0
  fi
  container_package_node_ok "$1" || return 1
  if [[ -n ${CONTAINER_PACKAGE_STATE_DIR:-} && -d $CONTAINER_PACKAGE_STATE_DIR ]]; then
    printf '%s\n' "$1" >"$marker" 2>/dev/null || true
  fi
  return 0
}

# container_package_find_node: sets container_package_node to the Node.js to use, or fails with
# a message that says what to do: CONTAINER_PACKAGE_NODE (which must be new enough); `node` on
# PATH when it is new enough; else the pinned runtime, installed first when the cache lacks it.
container_package_find_node() {
  if [[ -n "${CONTAINER_PACKAGE_NODE:-}" ]]; then
    if ! container_package_node="$(command -v -- "$CONTAINER_PACKAGE_NODE")"; then
      echo "container-package: Node.js 22.19 or newer is required, but CONTAINER_PACKAGE_NODE ('$CONTAINER_PACKAGE_NODE') was not found." >&2
      echo "container-package: set CONTAINER_PACKAGE_NODE to the path of a Node.js 22.19 or newer, or unset it to use the one on PATH or the runtime the hooks install." >&2
      return 1
    fi
    if ! container_package_node_usable "$container_package_node"; then
      echo "container-package needs Node.js 22.19 or newer; CONTAINER_PACKAGE_NODE ($container_package_node) is $("$container_package_node" --version 2>&1 || true)." >&2
      echo "container-package: point CONTAINER_PACKAGE_NODE at a Node.js 22.19 or newer, or unset it to use the one on PATH or the runtime the hooks install." >&2
      return 1
    fi
    return 0
  fi
  if container_package_node="$(command -v node)" && container_package_node_usable "$container_package_node"; then
    return 0
  fi
  # shellcheck source=lib/node-runtime.bash
  . "$CONTAINER_PACKAGE_ROOT/lib/node-runtime.bash"
  container_package_node_runtime
}

# container_package ARGS...: runs the bundled CLI, telling it the mode decided above, with the
# Node.js found in this shell (container_package_node), else the one it finds now.
container_package() {
  local container_package_node="${container_package_node:-}"
  [[ -n $container_package_node ]] || container_package_find_node || return 1
  container_package_mode
  CONTAINER_PACKAGE_MODE="$container_package_hook_mode" "$container_package_node" "$CONTAINER_PACKAGE_ROOT/bin/container-package" "$@"
}

# container_package_hook HOOK: runs `container-package buildkite-hook HOOK` and evaluates the
# `export`/`unset` lines it prints (the CLI checks their names). Node.js is found in this shell,
# not in the command substitution, so when the hook has just given the job its state dir (the
# environment hook of a plugin step, post-checkout of agent-level hooks) the check is left
# there for the job's later hooks. Fails with the CLI's exit status.
container_package_hook() {
  local container_package_node container_package_exports
  container_package_find_node || return 1
  container_package_exports="$(container_package buildkite-hook "$1")" || return
  eval "$container_package_exports"
  if [[ -n ${CONTAINER_PACKAGE_STATE_DIR:-} && -d $CONTAINER_PACKAGE_STATE_DIR && ! -f $CONTAINER_PACKAGE_STATE_DIR/node-checked ]]; then
    printf '%s\n' "$container_package_node" >"$CONTAINER_PACKAGE_STATE_DIR/node-checked" 2>/dev/null || true
  fi
}
