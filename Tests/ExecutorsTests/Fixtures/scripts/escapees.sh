#!/bin/bash
# Starts three processes that leave the test's process group: a `set -m` background job, a `setsid` one and a
# double-forked orphan that ignores SIGTERM. Their pids go to $PIDFILE.all, then $PIDFILE.ready is created; then the
# script exits ($THEN=exit) or waits for ever (anything else).
set -m
sleep 3000 &
echo $! >> "$PIDFILE.all"
set +m
setsid sleep 3000 &
echo $! >> "$PIDFILE.all"
(sh -c 'trap "" TERM; echo $$ >> "$PIDFILE.all"; exec sleep 3000' &) &
wait $!
while [ "$(wc -l < "$PIDFILE.all")" -lt 3 ]; do sleep 0.01; done
touch "$PIDFILE.ready"
[ "$THEN" = exit ] && exit 0
sleep 3000
