package io.github.tailedcore.benchmark.synthetic;

import java.util.SplittableRandom;

/**
 * Random streams derived from a seed and a name (class, role, index), so
 * that every generated image depends only on the seed and its own name:
 * adding a class or an image never changes the others.
 */
final class Seeds {

	private Seeds() {}

	/** A stream for {@code seed} and the parts of a name. */
	static SplittableRandom random(final long seed, final Object... parts) {
		long h = mix(seed);
		for (final Object part : parts)
			h = mix(h * 31 + part.toString().hashCode());
		return new SplittableRandom(h);
	}

	/** The SplitMix64 finaliser: a bijective 64-bit scrambler. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}
}
