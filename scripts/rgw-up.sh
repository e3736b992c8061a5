#!/usr/bin/env bash
# rgw-up.sh WORKDIR — a throwaway single-node Ceph cluster with a RADOS Gateway (S3) on
# loopback for the tests: 1 mon, 1 memstore OSD, 1 radosgw (beast), no mgr, no systemd; all
# state under WORKDIR (nothing in /etc or /var/lib). About 5 s to start, about 150 MiB.
# Debian packages: ceph-mon ceph-osd radosgw ceph-common curl (scripts/install-test-deps.sh).
#
# Needs S3_PORT and MON_PORT (free loopback ports: the harness picks them). OSD_BYTES sets the
# OSD's capacity (default 4 GiB; memstore uses RAM only for what is written). Access and secret
# keys are generated unless S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY are set. On success it
# writes WORKDIR/s3.env (mode 0600): S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY,
# S3_REGION, CEPH_CONF. Stop with rgw-down.sh WORKDIR. On failure it stops what it started.
set -euo pipefail

W=${1:?usage: up.sh WORKDIR}
mkdir -p "$W"
W=$(cd "$W" && pwd)

S3_PORT=${S3_PORT:?set S3_PORT to a free port}
MON_PORT=${MON_PORT:?set MON_PORT to a free port}
OBJECTSTORE=memstore
# The OSD's advertised capacity. memstore holds the data in RAM, so only what is written costs
# memory; writes stall (the OSD is "full") past 95% of it. The bench sets it from its image size.
OSD_BYTES=${OSD_BYTES:-4294967296}
random() { local s; s=$(head -c 4096 /dev/urandom | tr -dc "$1"); printf '%s' "${s:0:$2}"; }
AK=${S3_ACCESS_KEY_ID:-$(random 'A-Z0-9' 20)}
SK=${S3_SECRET_ACCESS_KEY:-$(random 'a-zA-Z0-9' 40)}
UP_TIMEOUT=${UP_TIMEOUT:-120}

for b in ceph ceph-mon ceph-osd radosgw radosgw-admin monmaptool curl; do
  command -v "$b" >/dev/null || { echo "rgw-up.sh: missing $b (scripts/install-test-deps.sh installs ceph-mon ceph-osd radosgw ceph-common curl)" >&2; exit 2; }
done

if [ -e "$W/ceph.conf" ]; then
  echo "rgw-up.sh: $W already holds a cluster; run rgw-down.sh $W first" >&2
  exit 2
fi

# Refuse early if a port is taken (radosgw would otherwise just time out).
for port in "$S3_PORT" "$MON_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "rgw-up.sh: 127.0.0.1:$port is already in use; set S3_PORT / MON_PORT" >&2; exit 2
  fi
done

# On any failure, stop what was started (UP_KEEP_ON_FAIL=1 keeps it for a post-mortem).
HERE=$(cd "$(dirname "$0")" && pwd)
on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ] && [ "${UP_KEEP_ON_FAIL:-0}" != 1 ]; then
    echo "rgw-up.sh: failed (rc=$rc); stopping what it started; logs stay in $W/log" >&2
    "$HERE/rgw-down.sh" "$W" >&2 || true
  fi
}
trap on_exit EXIT

t0=$(date +%s.%N)
ts() { awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%6.2fs", b-a}'; }
log() { echo "[rgw-up $(ts)] $*" >&2; }

mkdir -p "$W"/{run,log,pids,crash,mon,mgr,osd,rgw,tmp}
CONF="$W/ceph.conf"
export CEPH_CONF="$CONF"
FSID=$(cat /proc/sys/kernel/random/uuid)


# Everything is on loopback. cephx stays on (radosgw 16 would not authenticate
# with `auth * required = none`); all keys sit in one keyring file.
cat >"$CONF" <<EOF
[global]
fsid = $FSID
mon host = v2:127.0.0.1:$MON_PORT
mon initial members = a
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
ms bind msgr1 = false
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
keyring = $W/keyring
auth allow insecure global id reclaim = false

run dir = $W/run
admin socket = $W/run/\$name.asok
pid file = $W/run/\$name.pid
log file = $W/log/\$name.log
mon cluster log file = $W/log/cluster.log
crash dir = $W/crash
log to stderr = false
err to stderr = false
debug ms = 0/0

# one OSD, no replication, small PG counts, no autoscaler churn
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon data avail warn = 1
mon data avail crit = 0
mon max pg per osd = 1000
# commit mon map changes every 0.1 s instead of every 1 s: each of the pools
# radosgw creates at start-up otherwise costs ~1-2 s
paxos propose interval = 0.1

mon data = $W/mon/\$id
mgr data = $W/mgr/\$id
osd data = $W/osd/\$id

[osd]
osd objectstore = $OBJECTSTORE
# memstore: data held in the OSD's RAM; this is only the advertised capacity
memstore device bytes = $OSD_BYTES
# bluestore: a sparse file, created on mkfs
bluestore block path = $W/osd/block
bluestore block create = true
bluestore block size = $OSD_BYTES
bluestore fsck on mkfs = false
osd memory target = 939524096
bluestore cache autotune = true
osd op num shards = 1
osd op num threads per shard = 2
osd max object name len = 460
osd max object namespace len = 64

[client.rgw.gw]
rgw frontends = beast endpoint=127.0.0.1:$S3_PORT tcp_nodelay=1
rgw data = $W/rgw
rgw thread pool size = 32
rgw enable usage log = false
rgw enable ops log = false
rgw dns name =
rgw max chunk size = 4194304
EOF

# ---- keys: every daemon's key, with caps, goes into the mon's initial auth db ----
KR="$W/keyring"
ceph-authtool "$KR" --create-keyring --gen-key -n mon. --cap mon 'allow *' >/dev/null
ceph-authtool "$KR" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' --cap mds 'allow *' >/dev/null
ceph-authtool "$KR" --gen-key -n mgr.x --cap mon 'allow profile mgr' --cap osd 'allow *' --cap mds 'allow *' >/dev/null
ceph-authtool "$KR" --gen-key -n osd.0 --cap mon 'allow profile osd' --cap mgr 'allow profile osd' --cap osd 'allow *' >/dev/null
ceph-authtool "$KR" --gen-key -n client.rgw.gw --cap mon 'allow rw' --cap osd 'allow rwx' --cap mgr 'allow rw' >/dev/null
chmod 600 "$KR"

# ---- mon ----
monmaptool --create --fsid "$FSID" --addv a "[v2:127.0.0.1:$MON_PORT]" "$W/tmp/monmap" >/dev/null
ceph-mon -c "$CONF" -i a --mkfs --monmap "$W/tmp/monmap" --keyring "$KR" >"$W/log/mkfs-mon.out" 2>&1

start() { # name cmd...
  local name=$1; shift
  # setsid: own session, so the caller's terminal/process group does not own it.
  # In a script the child is not a group leader, so setsid execs in place and $!
  # is the daemon's own PID.
  setsid "$@" -f </dev/null >>"$W/log/$name.stdout" 2>&1 &
  echo $! >"$W/pids/$name.pid"
}

start mon.a ceph-mon -c "$CONF" -i a
log "mon started (pid $(cat "$W/pids/mon.a.pid"))"

# a daemon that died stays a zombie until PID 1 reaps it: count that as dead
alive() { local st; st=$(sed -E 's/.*\) (.).*/\1/' "/proc/$1/stat" 2>/dev/null) || return 1; [ -n "$st" ] && [ "$st" != Z ]; }
wait_for() { # description command...
  local what=$1; shift
  local deadline=$(( $(date +%s) + UP_TIMEOUT ))
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "rgw-up.sh: timed out waiting for $what; logs in $W/log" >&2
      for f in "$W"/log/*.log; do echo "== $f"; tail -n 20 "$f"; done >&2
      exit 1
    fi
    for p in "$W"/pids/*.pid; do
      alive "$(cat "$p")" || { echo "rgw-up.sh: $(basename "$p" .pid) died; see $W/log" >&2; tail -n 30 "$W/log/$(basename "$p" .pid).log" >&2 || true; exit 1; }
    done
    sleep 0.2
  done
}
C() { ceph -c "$CONF" --connect-timeout 10 "$@"; }

wait_for "mon quorum" C mon stat
log "mon in quorum"

# ---- osd ----
OSD_UUID=$(cat /proc/sys/kernel/random/uuid)
OSD_ID=$(C osd new "$OSD_UUID" 0)   # its key (osd.0) is already in the keyring
mkdir -p "$W/osd/$OSD_ID"
ceph-osd -c "$CONF" -i "$OSD_ID" --mkfs --osd-uuid "$OSD_UUID" >"$W/log/mkfs-osd.out" 2>&1 \
  || { cat "$W/log/mkfs-osd.out" >&2; exit 1; }
start "osd.$OSD_ID" ceph-osd -c "$CONF" -i "$OSD_ID"
log "osd.$OSD_ID ($OBJECTSTORE) started (pid $(cat "$W/pids/osd.$OSD_ID.pid"))"
osd_up() { C osd dump -f json | grep -q '"up":1'; }
wait_for "osd up" osd_up
log "osd up"

# ---- radosgw ----
start rgw.gw radosgw -c "$CONF" -n client.rgw.gw
log "radosgw started (pid $(cat "$W/pids/rgw.gw.pid"))"
wait_for "radosgw HTTP on 127.0.0.1:$S3_PORT" curl -sf -o /dev/null "http://127.0.0.1:$S3_PORT/"
log "radosgw answering HTTP"

radosgw-admin -c "$CONF" user create --uid=test --display-name="test user" \
  --access-key="$AK" --secret-key="$SK" >"$W/log/user-create.json" 2>"$W/log/user-create.err" \
  || { cat "$W/log/user-create.err" >&2; exit 1; }
log "S3 user created"

# Warm-up, and a signed end-to-end proof: the first bucket and the first object
# make radosgw create its index and data pools (~1-2 s); do it here, not in a test.
sig=(--aws-sigv4 "aws:amz:us-east-1:s3" --user "$AK:$SK" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -sf -o /dev/null)
curl "${sig[@]}" -X PUT "http://127.0.0.1:$S3_PORT/warmup"
echo warm | curl "${sig[@]}" -X PUT --data-binary @- "http://127.0.0.1:$S3_PORT/warmup/o"
curl "${sig[@]}" -X DELETE "http://127.0.0.1:$S3_PORT/warmup/o"
curl "${sig[@]}" -X DELETE "http://127.0.0.1:$S3_PORT/warmup"
log "signed S3 PUT/DELETE bucket+object ok; ready"

umask 077
cat >"$W/s3.env" <<EOF
S3_ENDPOINT=http://127.0.0.1:$S3_PORT
S3_ACCESS_KEY_ID=$AK
S3_SECRET_ACCESS_KEY=$SK
S3_REGION=us-east-1
CEPH_CONF=$CONF
EOF
echo "rgw-up.sh: S3 on http://127.0.0.1:$S3_PORT; credentials in $W/s3.env" >&2
