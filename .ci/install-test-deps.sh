#!/usr/bin/env bash
# Installs, with apt, what the tests need to run their real components:
#
#   xvfb xauth            MacroBatchIT: the example macros in a real ImageJ 1.x
#                         on a virtual display (.ci/xvfb-macro-test.sh)
#   python3-torch python3-torchvision python3-onnx
#                         ExportBackboneScriptTest: scripts/export_backbone.py
#                         exports a torchvision network (Debian's torch; PyPI
#                         is not reachable in CI)
#   slurm-wlm munge       SlurmShardingIT: a single-node SLURM cluster on
#                         localhost (.ci/slurm/local-cluster.sh) runs the
#                         scripts/slurm array
#
# Nothing is installed when everything is there already. apt is retried, since
# mirrors fail now and then. When something still cannot be installed, this
# fails under CI (the environment variable CI set), where those tests would
# otherwise prove nothing, and warns elsewhere (the tests then skip, saying
# what is missing).
set -euo pipefail

missing=()
command -v xvfb-run >/dev/null && command -v xauth >/dev/null ||
	missing+=(xvfb xauth)
/usr/bin/python3 -c 'import torch, torchvision, onnx' 2>/dev/null ||
	missing+=(python3-torch python3-torchvision python3-onnx)
for program in munged slurmctld slurmd sbatch squeue sinfo scancel; do
	PATH="$PATH:/usr/sbin:/sbin" command -v "$program" >/dev/null || {
		missing+=(slurm-wlm munge)
		break
	}
done
[ ${#missing[@]} -eq 0 ] && exit 0

under_ci() { [ -n "${CI:-}" ] && [ "${CI,,}" != false ]; }

give_up() {
	if under_ci; then
		echo "error: $1; under CI the tests that need ${missing[*]} must run." >&2
		exit 1
	fi
	echo "warning: $1; the tests that need ${missing[*]} will be skipped." >&2
	exit 0
}

command -v apt-get >/dev/null || give_up "no apt-get to install ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null && sudo -n true 2>/dev/null ||
		give_up "installing ${missing[*]} needs root"
	sudo=(sudo -n)
fi

echo "Installing ${missing[*]} with apt" >&2
for attempt in 1 2 3 4; do
	if "${sudo[@]}" apt-get update -qq &&
		"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends "${missing[@]}" >/dev/null; then
		exit 0
	fi
	[ $attempt -lt 4 ] && { echo "apt failed (attempt $attempt); retrying" >&2; sleep $((attempt * 15)); }
done
give_up "apt-get could not install ${missing[*]}"
