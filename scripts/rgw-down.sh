#!/usr/bin/env bash
# rgw-down.sh WORKDIR [--purge] — stop the daemons that rgw-up.sh WORKDIR started
# (by the PIDs it recorded; mon last), SIGTERM then SIGKILL after
# DOWN_TIMEOUT seconds. Exit 0 when every daemon exited on SIGTERM,
# 3 when one had to be killed. --purge then deletes WORKDIR.
set -uo pipefail
W=${1:?usage: rgw-down.sh WORKDIR [--purge]}
PURGE=${2:-}
DOWN_TIMEOUT=${DOWN_TIMEOUT:-20}
SIG=TERM; [ "${DOWN_KILL:-0}" = 1 ] && SIG=KILL   # DOWN_KILL=1: no clean shutdown, just SIGKILL (data is throwaway)
[ -d "$W" ] || { echo "rgw-down.sh: no $W" >&2; exit 0; }
W=$(cd "$W" && pwd)

rc=0
now() { date +%s.%N; }
t0=$(now)
el() { awk -v a="$t0" -v b="$(now)" 'BEGIN{printf "%.1fs", b-a}'; }

# A daemon that has exited stays a zombie until PID 1 reaps it (here that can
# take ~2 s); count a zombie as exited.
alive() { local st; st=$(sed -E 's/.*\) (.).*/\1/' "/proc/$1/stat" 2>/dev/null) || return 1; [ -n "$st" ] && [ "$st" != Z ]; }

# stop PIDFILE... : SIGTERM all of them at once, wait for each, SIGKILL stragglers
stop() {
  local f name pid i pids=() names=()
  for f in "$@"; do
    name=$(basename "$f" .pid); pid=$(cat "$f"); rm -f "$f"
    if ! alive "$pid"; then echo "down: $name ($pid) was not running" >&2; continue; fi
    # make sure the PID is still the daemon we started (not a reused PID)
    case "$(tr '\0' ' ' </proc/"$pid"/cmdline 2>/dev/null)" in
      *"$W/ceph.conf"*) ;;
      *) echo "down: PID $pid is no longer $name; leaving it alone" >&2; continue;;
    esac
    kill "-$SIG" "$pid"; pids+=("$pid"); names+=("$name")
  done
  for i in "${!pids[@]}"; do
    pid=${pids[$i]}; name=${names[$i]}
    local deadline=$(( $(date +%s) + DOWN_TIMEOUT ))
    while alive "$pid" && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.05; done
    if alive "$pid"; then
      echo "down: $name ($pid) still running ${DOWN_TIMEOUT}s after SIG$SIG; SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null; rc=3
    else
      echo "down: $name ($pid) exited at $(el)" >&2
    fi
  done
}

shopt -s nullglob
# Order matters: radosgw, on SIGTERM, still talks to the OSD (it unwatches its
# control objects) and hangs for good if the OSD is already gone; the OSD waits
# for the mon to ack its shutdown. Each takes ~1-2 s to exit.
stop "$W"/pids/rgw.*.pid
stop "$W"/pids/osd.*.pid
stop "$W"/pids/mon.*.pid

if [ "$PURGE" = --purge ]; then
  rm -rf "$W"
  echo "down: removed $W" >&2
fi
exit $rc
