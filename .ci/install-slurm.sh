#!/usr/bin/env bash
# Installs what SlurmShardingIT needs for its single-node SLURM cluster on
# localhost (.ci/slurm/local-cluster.sh): Debian's slurm-wlm (slurmctld,
# slurmd, sbatch, squeue, ...) and munge. Idempotent: does nothing when
# they are there. Retries apt, since mirrors fail now and then. Under CI
# (the environment variable CI set) a failure fails the build, because the
# test would fail anyway; elsewhere it only warns, and the test skips.
set -uo pipefail

needed() {
	for program in munged slurmctld slurmd sbatch squeue sinfo scancel; do
		command -v "$program" >/dev/null || [ -x "/usr/sbin/$program" ] ||
			return 0
	done
	return 1
}

give_up() {
	if [ -n "${CI:-}" ] && [ "${CI:-}" != false ]; then
		echo "error: $*" >&2
		exit 1
	fi
	echo "warning: $*; the SLURM test will be skipped." >&2
	exit 0
}

needed || exit 0
command -v apt-get >/dev/null || give_up "no apt-get to install slurm-wlm and munge"
[ "$(id -u)" -eq 0 ] || give_up "installing slurm-wlm and munge needs root"
export DEBIAN_FRONTEND=noninteractive
for attempt in 1 2 3 4 5; do
	if apt-get update -qq &&
		apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
	then
		needed && give_up "slurm-wlm and munge are installed, but not all of" \
			"munged, slurmctld, slurmd, sbatch, squeue, sinfo, scancel are there"
		echo "Installed slurm-wlm and munge."
		exit 0
	fi
	echo "apt-get failed (attempt $attempt of 5); retrying in $((attempt * 10)) s." >&2
	sleep $((attempt * 10))
done
give_up "could not install slurm-wlm and munge with apt-get"
