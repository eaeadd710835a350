#!/bin/sh
# Appends the figures an rdma bandwidth/latency check records to $TMT_TEST_DATA/hpctest-figures.yaml (the format
# of Checks' FiguresFile), with values from the environment: BW (Gb/s, line rate 100, floor 0.9 x) and LAT (us,
# at most 2). Reports one sub-result per figure through tmt-report-result and fails below the floor, as the check.
bw=${BW:-100}
lat=${LAT:-1.5}
cat >>"$TMT_TEST_DATA/hpctest-figures.yaml" <<END
- check: "rdma.write-bw"
  name: "mlx5_0/1:bw"
  value: $bw
  reference: 100
  lower: -0.1
  upper: null
  unit: "Gb/s"
  result: "pass"
- check: "rdma.read-lat"
  name: "mlx5_0/1:lat"
  value: $lat
  reference: 2
  lower: null
  upper: 0
  unit: "us"
  result: "pass"
END
if awk "BEGIN { exit !($bw >= 90) }"; then tmt-report-result /mlx5_0/1:bw PASS; else tmt-report-result /mlx5_0/1:bw FAIL; fi
if awk "BEGIN { exit !($lat <= 2) }"; then tmt-report-result /mlx5_0/1:lat PASS; else tmt-report-result /mlx5_0/1:lat FAIL; fi
