#!/usr/bin/env bash
# Sourced by lib/hooks.bash when the agent has no Node.js >= 22.19: the pinned Node.js runtime
# (lib/node-runtime.env), from the user's cache, installed there on first use:
#
#   ${CONTAINER_PACKAGE_NODE_MIRROR:-https://nodejs.org/dist}/vVERSION/node-vVERSION-linux-ARCH.tar.gz
#
# verified against the SHA-256 committed in lib/node-runtime.env (never one fetched from the
# same server; CONTAINER_PACKAGE_NODE_VERSION + CONTAINER_PACKAGE_NODE_SHA256 replace the pair
# for a mirror serving its own build), unpacked in a temp dir beside the cache entry and renamed
# into place, under a lock so jobs starting together on one host download it once. Whatever
# fails leaves nothing half-unpacked behind. Messages go to stderr only.

# container_package_node_fail LINE...: prints the lines and what else can be done; returns 1.
container_package_node_fail() {
  local line
  for line in "$@"; do echo "container-package: $line" >&2; done
  echo "container-package: or install Node.js 22.19 or newer on the agent (first on PATH), or set CONTAINER_PACKAGE_NODE to its path." >&2
  return 1
}

# container_package_node_runtime: sets container_package_node to the cached runtime's node,
# installing it first when the cache does not hold it yet.
container_package_node_runtime() {
  local platform os arch version="" sha="" key value cache dir
  platform="$(uname -sm 2>/dev/null)" || platform="unknown"
  os="${platform%% *}"
  case "${platform#* }" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) arch="" ;;
  esac
  if [[ $os != Linux || -z $arch ]]; then
    container_package_node_fail \
      "no Node.js 22.19 or newer was found, and the hooks install one only on Linux x86_64 or aarch64 (this is $platform)."
    return 1
  fi

  while IFS='=' read -r key value; do
    case "$key" in
      NODE_VERSION) version="$value" ;;
      NODE_SHA256_LINUX_X64) [[ $arch == x64 ]] && sha="$value" ;;
      NODE_SHA256_LINUX_ARM64) [[ $arch == arm64 ]] && sha="$value" ;;
    esac
  done <"$CONTAINER_PACKAGE_ROOT/lib/node-runtime.env"
  if [[ -n "${CONTAINER_PACKAGE_NODE_VERSION:-}${CONTAINER_PACKAGE_NODE_SHA256:-}" ]]; then
    if [[ -z "${CONTAINER_PACKAGE_NODE_VERSION:-}" || -z "${CONTAINER_PACKAGE_NODE_SHA256:-}" ]]; then
      container_package_node_fail \
        "set both CONTAINER_PACKAGE_NODE_VERSION and CONTAINER_PACKAGE_NODE_SHA256 (the SHA-256 of node-vVERSION-linux-$arch.tar.gz), or neither to use the pinned Node.js $version."
      return 1
    fi
    version="${CONTAINER_PACKAGE_NODE_VERSION#v}"
    sha="${CONTAINER_PACKAGE_NODE_SHA256,,}"
  fi
  if [[ ! $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ || ! $sha =~ ^[0-9a-f]{64}$ ]]; then
    container_package_node_fail \
      "CONTAINER_PACKAGE_NODE_VERSION must look like 24.21.0 and CONTAINER_PACKAGE_NODE_SHA256 be 64 hex digits."
    return 1
  fi

  if [[ -n "${XDG_CACHE_HOME:-}" ]]; then
    cache="$XDG_CACHE_HOME/container-package/node"
  elif [[ -n "${HOME:-}" ]]; then
    cache="$HOME/.cache/container-package/node"
  else
    container_package_node_fail "neither XDG_CACHE_HOME nor HOME is set: there is no cache to install Node.js into."
    return 1
  fi
  # One entry per build: the SHA-256 tells a mirror's own build from the official one.
  dir="$cache/node-v$version-linux-$arch-${sha:0:12}"
  if [[ ! -x $dir/bin/node ]]; then
    (container_package_node_install "$version" "$arch" "$sha" "$cache" "$dir") || return 1
  fi
  # shellcheck disable=SC2034 # read by the caller in lib/hooks.bash
  container_package_node="$dir/bin/node"
}

# container_package_node_install VERSION ARCH SHA256 CACHE DIR: downloads, verifies and unpacks
# the runtime into DIR. Run in a subshell: its traps remove the temp dir on any exit.
container_package_node_install() {
  local version="$1" arch="$2" sha="$3" cache="$4" dir="$5"
  local name="node-v$version-linux-$arch" mirror url tmp actual lock_fd
  mirror="${CONTAINER_PACKAGE_NODE_MIRROR:-https://nodejs.org/dist}"
  url="${mirror%/}/v$version/$name.tar.gz"
  if ! mkdir -p -- "$cache"; then
    container_package_node_fail "cannot create the cache directory $cache."
    return 1
  fi
  if command -v flock >/dev/null 2>&1; then
    # Jobs starting together wait here for the first one's download instead of repeating it.
    exec {lock_fd}>>"$cache/.lock"
    if ! flock -w 900 "$lock_fd"; then
      container_package_node_fail "waited 15 minutes for another job installing Node.js into $cache (lock $cache/.lock)."
      return 1
    fi
    [[ -x $dir/bin/node ]] && return 0
    # Holding the lock, no other install is running: temp dirs left here were killed mid-way.
    rm -rf -- "$cache"/.tmp-*
  fi
  if ! tmp="$(mktemp -d "$cache/.tmp-XXXXXX")"; then
    container_package_node_fail "cannot create a temp directory in $cache."
    return 1
  fi
  # A global, not the local: the EXIT trap runs after this function returned.
  container_package_node_tmp="$tmp"
  trap 'rm -rf -- "$container_package_node_tmp"' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM

  echo "container-package: no Node.js 22.19 or newer on this agent: installing Node.js $version (linux-$arch) from $url into $cache" >&2
  if ! container_package_node_download "$url" "$tmp/$name.tar.gz"; then
    container_package_node_fail \
      "could not download $url." \
      "check that the agent can reach it, or set CONTAINER_PACKAGE_NODE_MIRROR to a mirror of https://nodejs.org/dist;"
    return 1
  fi
  if ! actual="$(container_package_sha256 "$tmp/$name.tar.gz")"; then
    container_package_node_fail "cannot compute a SHA-256 here: install sha256sum (coreutils), shasum or openssl;"
    return 1
  fi
  if [[ $actual != "$sha" ]]; then
    container_package_node_fail \
      "$url has SHA-256 $actual, not the pinned $sha: nothing was installed." \
      "if the mirror serves its own build on purpose, set CONTAINER_PACKAGE_NODE_VERSION and CONTAINER_PACKAGE_NODE_SHA256 to its version and checksum;"
    return 1
  fi
  if ! mkdir -- "$tmp/unpack" || ! tar -xzf "$tmp/$name.tar.gz" -C "$tmp/unpack" --no-same-owner ||
    [[ ! -x $tmp/unpack/$name/bin/node ]]; then
    container_package_node_fail "$url did not unpack into $name/bin/node: nothing was installed."
    return 1
  fi
  if ! container_package_node_ok "$tmp/unpack/$name/bin/node"; then
    container_package_node_fail \
      "the Node.js $version from $url does not run here or is older than 22.19 (official builds need glibc): nothing was installed;"
    return 1
  fi
  if ! mv -T -- "$tmp/unpack/$name" "$dir" 2>/dev/null && [[ ! -x $dir/bin/node ]]; then
    container_package_node_fail "cannot move Node.js into $dir."
    return 1
  fi
  echo "container-package: Node.js $version is ready in $dir (later jobs reuse it)" >&2
}

# container_package_node_download URL FILE: curl or wget, whichever the agent has.
container_package_node_download() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsSL --retry 2 --connect-timeout 30 -o "$2" -- "$1" >&2
  elif command -v wget >/dev/null 2>&1; then
    wget -q --tries=3 --timeout=30 -O "$2" -- "$1" >&2
  else
    echo "container-package: neither curl nor wget is installed." >&2
    return 1
  fi
}

# container_package_sha256 FILE: prints the file's SHA-256 in lowercase hex.
container_package_sha256() {
  local out
  if command -v sha256sum >/dev/null 2>&1; then
    out="$(sha256sum -- "$1")" || return 1
  elif command -v shasum >/dev/null 2>&1; then
    out="$(shasum -a 256 -- "$1")" || return 1
  elif command -v openssl >/dev/null 2>&1; then
    out="$(openssl dgst -sha256 -r -- "$1")" || return 1
  else
    return 1
  fi
  printf '%s\n' "${out%% *}"
}
