#!/usr/bin/env bash
# A real single-node SLURM cluster on localhost, for tests: munged with a key
# and socket of its own, slurmctld and slurmd with a configuration written
# into DIR, nothing installed or changed outside DIR.
#
#   .ci/slurm/local-cluster.sh start DIR   start it; prints the line
#                                          "export SLURM_CONF=DIR/slurm.conf"
#   .ci/slurm/local-cluster.sh stop DIR    stop it: cancels its jobs and waits
#                                          for them (30 s at most), stops the
#                                          daemons, kills any job step that
#                                          outlived slurmd with its processes
#
# Needs Debian's slurm-wlm and munge (slurmctld, slurmd, munged, sbatch,
# squeue, sinfo), and root, since slurmd starts the jobs. Ports: 16817 and
# 16818 on 127.0.0.1, or SLURMCTLD_PORT / SLURMD_PORT.
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action="$1"
mkdir -p "$2"
dir="$(cd "$2" && pwd)"
conf="$dir/slurm.conf"

# The pid in FILE, if that process is still PROGRAM (not a reused pid).
daemon() {
	local pid
	[ -e "$1" ] && pid="$(cat "$1")" &&
		[ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] && echo "$pid"
	return 0
}

# Whether any of the processes is still there.
alive() {
	local pid
	for pid in "$@"; do kill -0 "$pid" 2>/dev/null && return 0; done
	return 1
}

# The job steps of this cluster that outlived their slurmd (slurmstepd with
# this configuration), and every process under them.
leftover_jobs() {
	local steps=() pid
	for pid in $(pgrep -x slurmstepd || true); do
		tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null |
			grep -qxF "SLURM_CONF=$conf" && steps+=("$pid")
	done
	[ ${#steps[@]} -eq 0 ] && return 0
	ps -e -o pid= -o ppid= | awk -v roots="${steps[*]}" '
		BEGIN { n = split(roots, r, " "); for (i = 1; i <= n; i++) keep[r[i]] = 1 }
		{ parent[$1] = $2 }
		END {
			do { grown = 0
				for (p in parent) if (!(p in keep) && (parent[p] in keep)) {
					keep[p] = 1; grown = 1 }
			} while (grown)
			for (p in keep) print p
		}'
}

stop() {
	local ctld i pids
	ctld="$(daemon "$dir/slurmctld.pid" slurmctld)"
	if [ -n "$ctld" ] && [ -e "$conf" ]; then
		# Cancel the jobs and give their steps time to end cleanly.
		SLURM_CONF="$conf" scancel --user="$(id -un)" 2>/dev/null || true
		for i in $(seq 1 30); do
			[ -z "$(SLURM_CONF="$conf" squeue -h -o %i 2>/dev/null)" ] && break
			sleep 1
		done
	fi
	for signal in TERM KILL; do
		pids="$(daemon "$dir/slurmd.pid" slurmd; daemon "$dir/slurmctld.pid" \
			slurmctld; daemon "$dir/munge/munged.pid" munged)"
		[ -z "$pids" ] && break
		# shellcheck disable=SC2086
		kill -$signal $pids 2>/dev/null || true
		for i in $(seq 1 10); do
			# shellcheck disable=SC2086
			alive $pids || break
			sleep 0.5
		done
	done
	# A job step that slurmd could not end is ended here, with its processes.
	pids="$(leftover_jobs)"
	# shellcheck disable=SC2086
	[ -z "$pids" ] || kill -KILL $pids 2>/dev/null || true
	rm -f "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"
}

start() {
	for program in munged slurmctld slurmd sbatch squeue sinfo scancel; do
		command -v "$program" >/dev/null || {
			echo "error: $program not found; install Debian's slurm-wlm and munge" \
				"(apt-get install -y slurm-wlm munge)." >&2
			exit 2
		}
	done
	[ "$(id -u)" -eq 0 ] || { echo "error: slurmd needs root." >&2; exit 2; }
	stop
	mkdir -p "$dir/munge" "$dir/state" "$dir/spool" "$dir/log"
	chmod 711 "$dir/munge"
	[ -s "$dir/munge/munge.key" ] || {
		dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 2>/dev/null
		chmod 600 "$dir/munge/munge.key"
	}
	munged --force --socket="$dir/munge/munge.socket" \
		--key-file="$dir/munge/munge.key" --log-file="$dir/log/munged.log" \
		--pid-file="$dir/munge/munged.pid" --seed-file="$dir/munge/munged.seed"
	local host mem
	host="$(hostname -s)"
	mem="$(awk '/^MemTotal:/ { print int($2 / 1024 * 0.9) }' /proc/meminfo)"
	cat >"$conf" <<CONF
ClusterName=tailedcore-test
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=${SLURMCTLD_PORT:-16817}
SlurmdPort=${SLURMD_PORT:-16818}
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
MpiDefault=none
SwitchType=switch/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
SchedulerType=sched/builtin
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
	slurmctld -f "$conf"
	slurmd -f "$conf"
	local i
	for i in $(seq 1 30); do
		if SLURM_CONF="$conf" sinfo -h -o %t 2>/dev/null | grep -qx idle; then
			echo "export SLURM_CONF=$conf"
			return 0
		fi
		sleep 1
	done
	echo "error: the local SLURM node did not come up; logs in $dir/log:" >&2
	tail -n 20 "$dir"/log/*.log >&2 || true
	stop
	exit 1
}

case "$action" in
	start) start ;;
	stop) stop ;;
	*) usage ;;
esac
