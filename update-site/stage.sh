#!/usr/bin/env bash
# Stages the files of the TailedCore update site, laid out like Fiji.app.
#
#   update-site/stage.sh [DIR]          build, populate DIR (default
#                                       update-site/staging), then prune it
#   update-site/stage.sh --prune DIR    only prune an already populated DIR
#                                       (and add the macros)
#
# Building runs `mvn install -DskipTests -Dscijava.app.directory=DIR`: the
# populate-app goal of pom-scijava copies our jar and its compile/runtime
# dependencies into DIR/jars (DIR/plugins for a jar with "_" in its name and
# a plugins.config; DIR/jars/<platform> for native classifiers). It needs
# Maven in online mode (it is skipped with -o) and an existing DIR.
#
# Pruning deletes every jar named in fiji-provided.txt (Fiji ships them) and
# keeps those in shipped.txt; a jar in neither list stops the script, so a
# new dependency is never uploaded, or left out, by accident. DJL's jar
# "api-<version>.jar" is renamed "djl-api-<version>.jar": the updater knows a
# file by its name without version, and "jars/api.jar" is too generic a
# name to claim on a shared Fiji installation. The example macros of the
# repository's macros/ folder are copied to DIR/macros, and the launcher
# configuration of config/jaunch/ (the Vector API module) to
# DIR/config/jaunch. The backbone network needs no file of its own: our jar
# carries it.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"

# Artifact name of a jar file: the name before "-<digit>" (version).
artifact() {
	local name="${1##*/}"
	name="${name%.jar}"
	echo "$name" | sed -E 's/-[0-9].*$//'
}

listed() { # listed NAME FILE
	grep -v '^#' "$2" | grep -qxF "$1"
}

prune() {
	local dir="$1" jar name status=0
	while IFS= read -r -d '' jar; do
		name="$(artifact "$jar")"
		if listed "$name" "$here/fiji-provided.txt"; then
			rm -f "$jar"
		elif listed "$name" "$here/shipped.txt"; then
			if [ "$name" = api ]; then
				mv "$jar" "$(dirname "$jar")/djl-${jar##*/}"
			fi
		else
			echo "error: ${jar#"$dir"/} is in neither fiji-provided.txt nor" \
				"shipped.txt; add its name '$name' to one of them." >&2
			status=1
		fi
	done < <(find "$dir" -type f -name '*.jar' -print0)
	find "$dir" -mindepth 1 -type d -empty -delete
	mkdir -p "$dir/macros" "$dir/config/jaunch"
	cp "$here"/../macros/*.ijm "$dir/macros/"
	cp "$here"/config/jaunch/*.toml "$dir/config/jaunch/"
	return $status
}

if [ "${1:-}" = --prune ]; then
	[ $# -eq 2 ] || { echo "usage: $0 --prune DIR" >&2; exit 2; }
	[ -d "$2" ] || { echo "error: $2 is not a directory." >&2; exit 2; }
	prune "$2"
	exit
fi

dir="${1:-$here/staging}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
marker="$dir/.tailedcore-staging"
if [ ! -e "$marker" ] && [ -n "$(ls -A "$dir")" ]; then
	echo "error: $dir is not empty and was not staged by this script;" \
		"choose an empty folder (never a Fiji installation)." >&2
	exit 2
fi
touch "$marker"
rm -rf "${dir:?}"/jars "$dir"/plugins "$dir"/macros "$dir"/config
(cd "$here/.." && mvn -B -q install -DskipTests -Dscijava.app.directory="$dir")
prune "$dir"
echo "Staged in $dir:"
(cd "$dir" && find . -type f ! -name .tailedcore-staging | sort)
