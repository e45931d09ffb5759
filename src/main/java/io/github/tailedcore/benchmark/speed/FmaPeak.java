package io.github.tailedcore.benchmark.speed;

import java.util.stream.IntStream;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's peak float32 throughput as the Vector API reaches it: a
 * loop of independent FMAs on registers only (12 accumulators, enough to
 * hide the FMA latency, each the addend of its FMA as in a dot product),
 * run on every core at once. With the accumulator as the multiplicand
 * instead, C2's code reached only half of this on AVX2, so that a kernel
 * measured above "peak". The yardstick for the
 * nearest-neighbour kernel's GFLOP/s.
 * <p>
 * Needs {@code --add-modules jdk.incubator.vector}; only load this class
 * after checking that the module is present.
 * </p>
 */
public final class FmaPeak {

	private static final VectorSpecies<Float> SPECIES =
		FloatVector.SPECIES_PREFERRED;
	private static final int ACCUMULATORS = 12;

	private FmaPeak() {}

	/**
	 * GFLOP/s (2 per lane per FMA) of {@code threads} threads each running
	 * {@code iterations} × 12 vector FMAs; the best of three runs after a
	 * warm-up run.
	 */
	public static double gflops(final int threads, final int iterations) {
		double best = 0;
		for (int run = 0; run < 4; run++) {
			final long start = System.nanoTime();
			final double sink = IntStream.range(0, threads).parallel().mapToDouble(
				t -> loop(iterations)).sum();
			final double seconds = (System.nanoTime() - start) / 1e9;
			if (Double.isNaN(sink)) throw new AssertionError();
			if (run > 0) best = Math.max(best, 2.0 * SPECIES.length() *
				ACCUMULATORS * iterations * threads / seconds / 1e9);
		}
		return best;
	}

	/** The vector shape the peak was measured with. */
	public static String species() {
		return SPECIES.vectorBitSize() + "-bit, " + SPECIES.length() + " lanes";
	}

	private static float loop(final int iterations) {
		final FloatVector x = FloatVector.broadcast(SPECIES, 0.999999f);
		final FloatVector y = FloatVector.broadcast(SPECIES, 1e-7f);
		FloatVector a0 = FloatVector.broadcast(SPECIES, 1f), a1 = a0, a2 = a0,
				a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0,
				a11 = a0;
		for (int i = 0; i < iterations; i++) {
			a0 = x.fma(y, a0);
			a1 = x.fma(y, a1);
			a2 = x.fma(y, a2);
			a3 = x.fma(y, a3);
			a4 = x.fma(y, a4);
			a5 = x.fma(y, a5);
			a6 = x.fma(y, a6);
			a7 = x.fma(y, a7);
			a8 = x.fma(y, a8);
			a9 = x.fma(y, a9);
			a10 = x.fma(y, a10);
			a11 = x.fma(y, a11);
		}
		return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8)
			.add(a9).add(a10).add(a11).reduceLanes(VectorOperators.ADD);
	}
}
