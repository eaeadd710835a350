#!/bin/bash
#SBATCH --job-name='hpctest /tests/x'
#SBATCH --nodes=2
#SBATCH --partition=gpu
#SBATCH --account=hpc
#SBATCH --nodelist=n1,n2
#SBATCH --gres=gpu:4
#SBATCH --time=1-01:01:01
#SBATCH --output='/var/tmp/run 1/output.txt'
#SBATCH --open-mode=append
#SBATCH --exclusive
set -o pipefail
cd '/var/tmp/run 1/tests' || exit 2
exec env -i A=1 'TMT_TEST_NAME=/tests/a b' /bin/bash -c 'echo '\''it'\'''\''s'\'' "$HOME"' </dev/null
