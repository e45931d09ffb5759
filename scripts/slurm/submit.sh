#!/usr/bin/env bash
# Scores a folder of images on a SLURM cluster: an array job with one task
# per shard, and a merge job that runs when every shard has succeeded.
#
#   scripts/slurm/submit.sh --classpath "/opt/Fiji.app/plugins/*:/opt/Fiji.app/jars/*" \
#       --model /shared/m.tailedcore --input /shared/images \
#       --output /shared/scores --shards 100 [--cpus 4] [--mem 8G] \
#       [--max-running 20] [--only 3,17] [--score-args "--pattern *.tif"] \
#       [-- SBATCH_OPTIONS...]
#
# --only scores just the listed shards again (after some failed), replacing
# their own earlier outputs, and submits the merge again. --max-running
# limits how many shards run at once. Everything after "--" goes to both
# sbatch calls (--partition, --account, --time, ...). The environment goes
# with the jobs: TAILEDCORE_JAVA, TAILEDCORE_JAVA_OPTS (see
# score-shard.sbatch). Prints the two job ids.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cpus=4 mem=8G only="" score_args="" max_running=""
classpath="" model="" input="" output="" shards=""
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
	[ $# -ge 2 ] || [ "$1" = -- ] || usage
	case "$1" in
		--classpath) classpath="$2"; shift 2 ;;
		--model) model="$2"; shift 2 ;;
		--input) input="$2"; shift 2 ;;
		--output) output="$2"; shift 2 ;;
		--shards) shards="$2"; shift 2 ;;
		--cpus) cpus="$2"; shift 2 ;;
		--mem) mem="$2"; shift 2 ;;
		--max-running) max_running="$2"; shift 2 ;;
		--only) only="$2"; shift 2 ;;
		--score-args) score_args="$2"; shift 2 ;;
		--) shift; break ;;
		*) usage ;;
	esac
done
[ -n "$classpath" ] && [ -n "$model" ] && [ -n "$input" ] &&
	[ -n "$output" ] && [ -n "$shards" ] || usage
fail() { echo "error: $*" >&2; exit 2; }
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || fail "--shards must be a positive number."
[ -z "$max_running" ] || [[ "$max_running" =~ ^[1-9][0-9]*$ ]] ||
	fail "--max-running must be a positive number."
if [ -n "$only" ]; then
	[[ "$only" =~ ^[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*$ ]] ||
		fail "--only takes shard numbers and ranges separated by commas, e.g. 3,17,20-25."
	for i in ${only//[,-]/ }; do
		[ "$i" -lt "$shards" ] || fail "--only: there is no shard $i of $shards (0 to $((shards - 1)))."
	done
fi
[ -f "$model" ] || fail "the model file $model does not exist."
[ -d "$input" ] || fail "the input folder $input does not exist."
abs() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }
model="$(abs "$model")" input="$(abs "$input")"
mkdir -p "$output" && output="$(abs "$output")"
mkdir -p "$output/slurm-logs"
export TAILEDCORE_CLASSPATH="$classpath" TAILEDCORE_MODEL="$model"
export TAILEDCORE_INPUT="$input" TAILEDCORE_OUTPUT="$output"
export TAILEDCORE_SHARDS="$shards" TAILEDCORE_SCORE_ARGS="$score_args"
# Shards scored again replace what their failed attempt left.
export TAILEDCORE_OVERWRITE="$([ -n "$only" ] && echo 1 || echo 0)"
array="${only:-0-$((shards - 1))}${max_running:+%$max_running}"
score=$(sbatch --parsable --export=ALL --array="$array" \
	--cpus-per-task="$cpus" --mem="$mem" \
	--output="$output/slurm-logs/score-%A_%a.log" "$@" \
	"$here/score-shard.sbatch")
merge=$(sbatch --parsable --export=ALL --dependency="afterok:${score%%;*}" \
	--kill-on-invalid-dep=yes --output="$output/slurm-logs/merge-%j.log" "$@" \
	"$here/merge.sbatch")
echo "score array job ${score%%;*} (shards $array), merge job ${merge%%;*}"
echo "If a shard fails, the merge job is canceled; the merge, run by hand" \
	"(merge --output $output), names the shards to submit again with --only."
