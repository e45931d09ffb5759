#!/usr/bin/env bash
# Runs an ImageJ 1.x macro the way a user's ImageJ runs it: real ImageJ
# menus on a virtual display (Xvfb), our jar and its dependencies in the
# plugins folder, ImageJ 1.54p from Maven Central (the Fiji BOM version).
#
#   .ci/xvfb-macro-test.sh                  a built-in smoke macro
#   .ci/xvfb-macro-test.sh MACRO.ijm [ARG]  any macro, with one argument
#
# TAILEDCORE_CLASSPATH (optional): the jars to stage, ':'-separated, instead
# of building them with Maven (the Maven build's MacroBatchIT passes its
# own class path): ij-*.jar becomes ImageJ, TailedCore_*.jar goes to
# plugins/, every other jar to plugins/jars/.
#
# ImageJ runs with a home folder and Java preferences of its own inside the
# work folder, so it neither reads nor changes the user's.
#
# A truly headless JVM cannot run open(), run() or newImage() (ImageJ builds
# AWT menus first), hence Xvfb: `apt-get install -y xvfb xauth`.
# ImageJ's -batch mode exits 0 even when a macro fails, so the macro must
# print a line "PASS"; the run fails without it, with a macro error or
# Java exception in the output, or when it outlasts MACRO_TIMEOUT.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v xvfb-run >/dev/null || {
	echo "error: xvfb-run not found; install it with apt-get install -y" \
		"xvfb xauth." >&2
	exit 2
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/plugins/jars"

# ImageJ itself, our jar in plugins/, every other dependency in plugins/jars.
if [ -n "${TAILEDCORE_CLASSPATH:-}" ]; then
	IFS=: read -ra jars <<<"$TAILEDCORE_CLASSPATH"
	for jar in "${jars[@]}"; do
		case "${jar##*/}" in
			ij-*.jar) cp "$jar" "$work/ij.jar" ;;
			TailedCore_*.jar) cp "$jar" "$work/plugins/" ;;
			*.jar) cp "$jar" "$work/plugins/jars/" ;;
		esac
	done
	[ -e "$work/ij.jar" ] || { echo "error: no ij-*.jar in" \
		"TAILEDCORE_CLASSPATH." >&2; exit 2; }
else
	mvn -B -q package -DskipTests
	cp target/TailedCore_-*[0-9T].jar "$work/plugins/"
	mvn -B -q dependency:copy-dependencies -DincludeScope=compile \
		-DexcludeArtifactIds=ij -DoutputDirectory="$work/plugins/jars"
	mvn -B -q dependency:copy -Dartifact=net.imagej:ij:1.54p \
		-DoutputDirectory="$work"
	mv "$work/ij-1.54p.jar" "$work/ij.jar"
fi

if [ $# -ge 1 ]; then
	macro="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
	arg="${2:-}"
else
	macro="$work/smoke.ijm"
	arg="$work"
	cat >"$macro" <<'IJM'
// Needs real menus: newImage(), saveAs(), open() and run() of a command.
dir = getArgument();
newImage("smoke", "8-bit black", 8, 8, 1);
setPixel(2, 3, 100);
saveAs("PNG", dir + "/smoke.png");
close("*");
open(dir + "/smoke.png");
run("Add...", "value=10");
v = getPixel(2, 3);
if (v != 110) exit("expected 110, got " + v);
print("PASS");
IJM
fi

# A macro error opens a dialog even in -batch mode and ImageJ then waits
# forever: MACRO_TIMEOUT (seconds, default 300) ends such runs.
log="$work/out.log"
status=0
(cd "$work" && xvfb-run -a timeout -k 10 "${MACRO_TIMEOUT:-300}" java \
	-Djava.awt.headless=false -Dplugins.dir="$work" \
	-Duser.home="$work/home" -Djava.util.prefs.userRoot="$work/prefs" \
	-cp "$work/ij.jar" ij.ImageJ -ijpath "$work" \
	-batch "$macro" "$arg") >"$log" 2>&1 || status=$?
cat "$log"
if [ $status -eq 124 ] || [ $status -eq 137 ]; then
	echo "FAIL: ${macro##*/} timed out (a macro error dialog, probably)." >&2
	exit 1
fi
if grep -qE 'Macro Error|Exception|^error' "$log" || ! grep -qx PASS "$log"
then
	echo "FAIL: ${macro##*/}" >&2
	exit 1
fi
echo "OK: ${macro##*/}"
