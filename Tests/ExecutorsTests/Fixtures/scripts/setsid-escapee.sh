#!/bin/sh
# Starts a process in its own session (outside the test's group) and exits.
setsid sh -c 'echo $$ > "$PIDFILE.tmp"; mv "$PIDFILE.tmp" "$PIDFILE"; exec sleep 1000' &
while [ ! -s "$PIDFILE" ]; do sleep 0.01; done
exit 0
