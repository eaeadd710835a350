#!/bin/sh
echo started
exec sleep 1000
