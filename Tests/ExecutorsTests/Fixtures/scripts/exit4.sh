#!/bin/sh
echo "to stdout"
echo "to stderr" >&2
echo "cwd=$(pwd) FOO=$FOO HOME=${HOME:-unset}"
read line && echo "stdin had: $line"
exit 4
