#!/bin/sh
# A grandchild that ignores SIGTERM; its pid goes to $PIDFILE. The main process then waits forever.
sh -c 'trap "" TERM; echo $$ > "$PIDFILE.tmp"; mv "$PIDFILE.tmp" "$PIDFILE"; while :; do sleep 1; done' &
wait
