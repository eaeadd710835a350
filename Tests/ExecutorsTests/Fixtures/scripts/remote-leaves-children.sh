#!/bin/sh
# A test that starts `sleep 3000 &` and a child ignoring SIGTERM (pids to $PIDFILE.sleep and $PIDFILE), then
# waits forever: everything must be gone after the timeout.
sleep 3000 &
echo $! > "$PIDFILE.sleep"
sh -c 'trap "" TERM; echo $$ > "$PIDFILE.tmp"; mv "$PIDFILE.tmp" "$PIDFILE"; while :; do sleep 1; done' &
echo started
wait
