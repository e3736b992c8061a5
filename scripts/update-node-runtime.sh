#!/usr/bin/env bash
# Pins the Node.js runtime the hooks install on agents without one (lib/node-runtime.env):
#
#   scripts/update-node-runtime.sh VERSION [SHASUMS256.txt]
#
# Reads the release's SHASUMS256.txt (from https://nodejs.org/dist/vVERSION/, or the local file
# given, e.g. one checked against the release's signed SHASUMS256.txt.asc), takes the sums of
# node-vVERSION-linux-x64.tar.gz and -linux-arm64.tar.gz and rewrites lib/node-runtime.env.
# Keep VERSION equal to the `node` devDependency (npm install --save-dev node@VERSION).
set -euo pipefail

usage() {
  echo "usage: $0 VERSION [SHASUMS256.txt]   (VERSION like 24.21.0)" >&2
  exit 2
}

[[ $# -ge 1 && $# -le 2 ]] || usage
version="${1#v}"
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || usage
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$root/lib/node-runtime.env"

if [[ $# -eq 2 ]]; then
  sums="$(cat -- "$2")"
else
  url="https://nodejs.org/dist/v$version/SHASUMS256.txt"
  echo "update-node-runtime: fetching $url" >&2
  sums="$(curl -fsSL "$url")"
fi

# sum_of ARCH: the SHA-256 of node-vVERSION-linux-ARCH.tar.gz in the SHASUMS256.txt text.
sum_of() {
  local file="node-v$version-linux-$1.tar.gz" sum name found=""
  while read -r sum name; do
    if [[ $name == "$file" || $name == "*$file" ]]; then found="$sum"; fi
  done <<<"$sums"
  if [[ ! $found =~ ^[0-9a-f]{64}$ ]]; then
    echo "update-node-runtime: no SHA-256 for $file in the SHASUMS256.txt given" >&2
    return 1
  fi
  printf '%s\n' "$found"
}

x64="$(sum_of x64)"
arm64="$(sum_of arm64)"
# Keep the header comment, replace the values; write next to the target and rename.
tmp="$(mktemp "$target.XXXXXX")"
trap 'rm -f -- "$tmp"' EXIT
{
  grep '^#' "$target" || true
  printf 'NODE_VERSION=%s\nNODE_SHA256_LINUX_X64=%s\nNODE_SHA256_LINUX_ARM64=%s\n' "$version" "$x64" "$arm64"
} >"$tmp"
chmod 0644 "$tmp"
mv -f -- "$tmp" "$target"
trap - EXIT
echo "update-node-runtime: pinned Node.js $version (linux-x64 $x64, linux-arm64 $arm64) in lib/node-runtime.env" >&2
