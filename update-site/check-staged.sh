#!/usr/bin/env bash
# Checks that a staged update site is all a Fiji user needs: copies it into
# an empty folder laid out like Fiji.app, adds the jars that Fiji itself
# ships (fiji-provided.txt, at the versions this POM pins), and fits a model
# on test-images/grid with the command line on that class path alone, from
# an empty working folder and with an empty home folder. The backbone must
# come out of our jar, into Fiji.app/models/TailedCore.
#
#   update-site/stage.sh /tmp/site && update-site/check-staged.sh /tmp/site
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
[ $# -eq 1 ] && [ -d "$1/jars" ] || {
	echo "usage: $0 STAGED_DIR (a folder staged by stage.sh)" >&2
	exit 2
}
staged="$(cd "$1" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fiji="$work/Fiji.app"
mkdir -p "$fiji" "$work/home" "$work/run/train" "$work/deps"
cp -r "$staged"/. "$fiji/"
(cd "$here/.." && mvn -B -q dependency:copy-dependencies \
	-DincludeScope=compile -DoutputDirectory="$work/deps")
grep -v '^#' "$here/fiji-provided.txt" | while read -r name; do
	[ -n "$name" ] && cp "$work/deps/$name"-[0-9]*.jar "$fiji/jars/" 2>/dev/null || true
done
cp "$here"/../test-images/grid/train/good/*.png "$work/run/train/"
(cd "$work/run" && java --add-modules=jdk.incubator.vector \
	-Duser.home="$work/home" -Dimagej.dir="$fiji" -cp "$fiji/jars/*" \
	io.github.tailedcore.cli.Main fit --train train --model m.tailedcore \
	--method patchcore)
[ -s "$work/run/m.tailedcore" ] || { echo "FAIL: no model written" >&2; exit 1; }
[ -s "$fiji/models/TailedCore/mobilenet_v2_imagenet.onnx" ] || {
	echo "FAIL: the backbone was not unpacked into Fiji.app/models/TailedCore" >&2
	exit 1
}
[ -z "$(ls -A "$work/home")" ] || { echo "FAIL: wrote into the home folder" >&2; exit 1; }
echo "OK: the staged site fitted a model with no other files."
