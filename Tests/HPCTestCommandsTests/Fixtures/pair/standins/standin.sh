#!/bin/bash
# Stand-in for perftest's ib_write_bw / ib_read_lat and rdma-core's ibv_rc_pingpong (no test machine has an RDMA
# device): usage standin.sh TOOL ARGS... with the real tools' options (-d DEV -i PORT -p TCPPORT [...] [SERVER]).
# Without a server address it is the server: it listens on TCP port -p (perl, any address) until one client has
# connected, like the real tools, then prints the recorded output. With one it is the client: it connects to
# SERVER:PORT (bash /dev/tcp), failing as perftest does when nobody listens, then prints the recorded output.
# Recorded outputs come from $STANDIN_RECORDINGS/TOOL.SIDE.DEV.txt, else TOOL.SIDE.txt (real outputs, copied by
# the test from Tests/ChecksTests/Fixtures/tools).
tool=$1
shift
port=18515 device= server=
while [ $# -gt 0 ]; do
  case $1 in
    -p) port=$2; shift 2 ;;
    -d) device=$2; shift 2 ;;
    -i | -D) shift 2 ;;
    -*) shift ;;
    *) server=$1; shift ;;
  esac
done
side=server
[ -n "$server" ] && side=client
recording=$STANDIN_RECORDINGS/$tool.$side.$device.txt
[ -e "$recording" ] || recording=$STANDIN_RECORDINGS/$tool.$side.txt
if [ "$side" = server ]; then
  echo "************************************"
  echo "* Waiting for client to connect... *"
  echo "************************************"
  perl -MIO::Socket::INET -e '
    my $listener = IO::Socket::INET->new(LocalAddr => "0.0.0.0", LocalPort => $ARGV[0], Listen => 1, ReuseAddr => 1)
      or die "Couldn'\''t listen to port $ARGV[0]: $!\n";
    my $client = $listener->accept or die "accept: $!\n";
    my $hello = <$client>;
    print $client "ready\n";
    close $client;' "$port" || exit 1
else
  if ! { exec 3<>"/dev/tcp/$server/$port"; } 2>/dev/null; then
    echo " Couldn't connect to $server:$port" >&2
    exit 1
  fi
  echo hello >&3
  read -r _ <&3
  exec 3>&-
fi
cat "$recording"
