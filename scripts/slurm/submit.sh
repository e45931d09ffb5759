#!/usr/bin/env bash
# Scores a folder of images on a SLURM cluster: an array job with one task
# per shard, and a merge job that runs when every shard has succeeded.
#
#   scripts/slurm/submit.sh --classpath "/opt/Fiji.app/jars/*" \
#       --model /shared/m.tailedcore --input /shared/images \
#       --output /shared/scores --shards 100 [--cpus 4] [--mem 8G] \
#       [--only 3,17] [--score-args "--pattern *.tif"] [-- SBATCH_OPTIONS...]
#
# --only resubmits just the listed shards (after some failed); the merge
# job is submitted again too. Everything after "--" goes to both sbatch
# calls (--partition, --account, --time, ...). Prints the two job ids.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cpus=4 mem=8G only="" score_args=""
classpath="" model="" input="" output="" shards=""
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
	case "$1" in
		--classpath) classpath="$2"; shift 2 ;;
		--model) model="$2"; shift 2 ;;
		--input) input="$2"; shift 2 ;;
		--output) output="$2"; shift 2 ;;
		--shards) shards="$2"; shift 2 ;;
		--cpus) cpus="$2"; shift 2 ;;
		--mem) mem="$2"; shift 2 ;;
		--only) only="$2"; shift 2 ;;
		--score-args) score_args="$2"; shift 2 ;;
		--) shift; break ;;
		*) usage ;;
	esac
done
[ -n "$classpath" ] && [ -n "$model" ] && [ -n "$input" ] &&
	[ -n "$output" ] && [ -n "$shards" ] || usage
[[ "$shards" =~ ^[1-9][0-9]*$ ]] || { echo "error: --shards must be a positive number." >&2; exit 2; }
abs() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }
model="$(abs "$model")" input="$(abs "$input")"
mkdir -p "$output" && output="$(abs "$output")"
mkdir -p "$output/slurm-logs"
export TAILEDCORE_CLASSPATH="$classpath" TAILEDCORE_MODEL="$model"
export TAILEDCORE_INPUT="$input" TAILEDCORE_OUTPUT="$output"
export TAILEDCORE_SHARDS="$shards" TAILEDCORE_SCORE_ARGS="$score_args"
array="${only:-0-$((shards - 1))}"
score=$(sbatch --parsable --export=ALL --array="$array" \
	--cpus-per-task="$cpus" --mem="$mem" \
	--output="$output/slurm-logs/score-%A_%a.log" "$@" \
	"$here/score-shard.sbatch")
merge=$(sbatch --parsable --export=ALL --dependency="afterok:${score%%;*}" \
	--kill-on-invalid-dep=yes --output="$output/slurm-logs/merge-%j.log" "$@" \
	"$here/merge.sbatch")
echo "score array job ${score%%;*} (shards $array), merge job ${merge%%;*}"
