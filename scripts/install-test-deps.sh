#!/usr/bin/env bash
# Installs the real container clients the integration tests drive, and shellcheck for the
# hooks, from Debian 12 packages:
# Docker Engine (dockerd + CLI), Podman, Buildah, skopeo, umoci and CNCF distribution
# (docker-registry) as the reference registry, Chromium for the browser tests of the
# registry's pages (driven by playwright-core; no browser is ever downloaded), and Ceph's RADOS
# Gateway (ceph-mon, ceph-osd, radosgw, ceph-common) as a real S3 service for the registry's S3
# driver (scripts/rgw-up.sh starts it; the packages' own services are never started).
#
# Idempotent: packages already installed are left alone and nothing is fetched. Runs
# `apt-get update` before installing. The packages' own services (docker-registry on :5000,
# dockerd on /var/run/docker.sock) are kept from starting: the tests start their own
# instances on free ports and private sockets.
set -euo pipefail

PKGS=(docker.io podman buildah skopeo umoci docker-registry apache2-utils shellcheck uidmap fuse-overlayfs jq curl ca-certificates
  util-linux mount chromium ceph-mon ceph-osd radosgw ceph-common)

if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then exec sudo -E "$0" "$@"; fi
  echo "install-test-deps: run as root (or with sudo) to install: ${PKGS[*]}" >&2
  exit 1
fi

# The tests and the bench run podman, buildah and skopeo with a directory of their own
# bind-mounted over /var/lib/containers (their root-only cache: see test/support/system-paths.ts).
# The tools create it on first use only, so on a fresh machine the mount point is missing.
make_mount_point() { [ -d /var/lib/containers ] || install -d -m 0700 /var/lib/containers; }

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  make_mount_point
  echo "install-test-deps: all packages already installed"
  exit 0
fi

# policy-rc.d answering 101 tells invoke-rc.d not to start services during the install.
made_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  made_policy=1
fi
cleanup() { if [ "$made_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi; }
trap cleanup EXIT

echo "install-test-deps: installing ${missing[*]}"
apt-get -o DPkg::Lock::Timeout=300 update -q
DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${missing[@]}"

# Belt and braces: if a service started anyway (no policy-rc.d honoured), stop it.
for svc in docker docker.socket containerd docker-registry ceph.target ceph-mon.target ceph-osd.target ceph-radosgw.target; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    systemctl stop "$svc" || true
  fi
done
make_mount_point
echo "install-test-deps: done"
