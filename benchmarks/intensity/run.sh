#!/bin/bash
# Regenerates benchmarks/intensity: the micrograph set, its drift, brightness-defect, speck and
# 32-bit variants, and one bench-framing run per intensity scaling and variant (tiles at scale 1
# and the full frame).
# Usage: [SETS="base drift float"] [MODES="bit-depth ..."] [FRAMINGS=tiles,full] [SEED=1] [TESTS=20] \
#        benchmarks/intensity/run.sh WORKDIR "CLI" IJJAR
#   CLI   how to run the command line, e.g. 'mvn -q compile exec:java -Dexec.args=' is too slow per
#         call; the runs used 'java -cp target/classes:<dependencies> io.github.tailedcore.cli.Main'
#   IJJAR ImageJ 1.x jar (~/.m2/repository/net/imagej/ij/1.54p/ij-1.54p.jar)
set -e
work=$1; cli=$2; ij=$3
mkdir -p "$work"
[ -d "$work/base" ] || $cli make-test-images --micrographs --output "$work/base" --size 512 \
	--train 16 --test-good ${TESTS:-20} --test-defect ${TESTS:-20} --seed ${SEED:-1}
[ -d "$work/drift" ] || java -Djava.awt.headless=true -cp "$ij" \
	benchmarks/intensity/IntensityVariants.java drift "$work/base" "$work/drift" > "$work/drift.txt"
[ -d "$work/brighter" ] || java -Djava.awt.headless=true -cp "$ij" \
	benchmarks/intensity/IntensityVariants.java brighter "$work/base" "$work/brighter" > "$work/brighter.txt"
[ -d "$work/speck" ] || java -Djava.awt.headless=true -cp "$ij" \
	benchmarks/intensity/IntensityVariants.java speck "$work/base" "$work/speck"
[ -d "$work/float" ] || java -Djava.awt.headless=true -cp "$ij" \
	benchmarks/intensity/IntensityVariants.java float "$work/base" "$work/float"
for set in ${SETS:-base drift float}; do
	for mode in ${MODES:-bit-depth training-range percentiles display-range}; do
		echo "## $set $mode"
		/usr/bin/time -f "wall %e s, user %U s, sys %S s" $cli bench-framing --data "$work/$set" \
			--framings ${FRAMINGS:-tiles,full} --intensity $mode 2>&1 | grep -E '^\||^wall|rror'
		uptime
	done
done
