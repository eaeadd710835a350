#!/bin/sh
# Starts a throw-away sshd on 127.0.0.1 for the tests: usage sshd-up.sh DIR OWNER_PID.
# Generates a host key and a user key under DIR, authorizes the user key for the current user, starts sshd on a
# free port and prints PORT=, KEY=, USER=, PIDFILE=. A detached watcher stops sshd (and its connections) and
# removes DIR once OWNER_PID has exited, so no daemon outlives the test process.
set -e
dir=$1 owner=$2
mkdir -p "$dir" /run/sshd 2>/dev/null || mkdir -p "$dir"
mkdir -p "$dir/home"
ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$dir/user_key"
cp "$dir/user_key.pub" "$dir/authorized_keys"
chmod 600 "$dir/authorized_keys" "$dir/user_key"
sshd=$(command -v sshd || echo /usr/sbin/sshd)
for try in 1 2 3 4 5 6 7 8 9 10; do
  port=$(( 20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000 ))
  cat >"$dir/sshd_config" <<CONF
Port $port
ListenAddress 127.0.0.1
HostKey $dir/host_key
AuthorizedKeysFile $dir/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
StrictModes no
UsePAM no
MaxStartups 200
MaxSessions 100
# An empty home for the sessions: the guest's shell (bash sources ~/.bashrc for ssh commands) must not run this
# machine's own dotfiles, whose output (e.g. pyenv's rehash racing another session) would land in test output.
SetEnv HOME=$dir/home
PidFile $dir/sshd.pid
CONF
  if "$sshd" -f "$dir/sshd_config" -E "$dir/sshd.log"; then
    i=0; while [ ! -s "$dir/sshd.pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i+1)); done
    [ -s "$dir/sshd.pid" ] && break
  fi
done
[ -s "$dir/sshd.pid" ] || { cat "$dir/sshd.log" >&2; exit 1; }
pid=$(cat "$dir/sshd.pid")
setsid sh -c "echo \$\$ >'$dir/watcher.pid'; while kill -0 $owner 2>/dev/null; do sleep 1; done; pkill -KILL -P $pid; kill -KILL $pid; rm -rf '$dir'" \
  </dev/null >/dev/null 2>&1 &
# Wait until the watcher runs in its own session: the caller kills this script's process group when it exits.
i=0; while [ ! -s "$dir/watcher.pid" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
echo "PORT=$port"
echo "KEY=$dir/user_key"
echo "USER=$(id -un)"
echo "PIDFILE=$dir/sshd.pid"
