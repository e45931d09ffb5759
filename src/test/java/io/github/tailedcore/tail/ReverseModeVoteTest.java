package io.github.tailedcore.tail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tailedcore.linalg.FeatureMatrix;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ReverseModeVoteTest {

	/** Neighbourhoods given as a 0/1 membership matrix, row i = N(i). */
	private static Neighborhoods membership(final int[][] rows) {
		final int n = rows.length;
		final float[] s = new float[n * n];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++)
				s[i * n + j] = rows[i][j];
		final float[] thresholds = new float[n];
		Arrays.fill(thresholds, 0.5f);
		return new Neighborhoods(new FeatureMatrix(n, n, s), thresholds, 0);
	}

	@Test
	void votesOverTheReverseNeighbourhood() {
		// N(0) = {0,1,2,3} (size 4), N(1) = {1}, N(2) = {2}, N(3) = {2,3}.
		final Neighborhoods nb = membership(new int[][] { //
			{ 1, 1, 1, 1 }, { 0, 1, 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 1, 1 } });
		// j = 0 lies only in N(0): {4} → 4. (The forward neighbourhood of
		// Eq. 7 would vote over the sizes of 0's members {4,1,1,2} → 1.)
		// j = 1: {4, 1} tie → 1. j = 2: {4, 1, 2} tie → 1. j = 3: {4, 2} → 2.
		final ReverseModeVote vote = new ReverseModeVote(nb);
		assertArrayEquals(new int[] { 4, 1, 1, 2 }, vote.kappa());
		assertEquals(0, vote.emptyColumns());
	}

	@Test
	void majorityBeatsSmallerValues() {
		// j = 0 lies in N(0), N(1) (size 3) and N(2) (size 2): mode 3.
		final Neighborhoods nb = membership(new int[][] { //
			{ 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 0 } });
		assertEquals(3, new ReverseModeVote(nb).kappa()[0]);
	}

	@Test
	void modePicksTheSmallestValueOnTies() {
		assertEquals(2, ReverseModeVote.mode(new int[] { 0, 0, 2, 2, 1 }));
		assertEquals(3, ReverseModeVote.mode(new int[] { 0, 1, 0, 3 }));
		assertEquals(0, ReverseModeVote.mode(new int[] { 0, 0, 0 }));
	}

	@Test
	void emptyVoteColumnCountsAsSingleton() {
		// Image 1 lies in no neighbourhood, not even its own (S[1][1] = 0 is
		// below its threshold, as with near-duplicates): κ = 1, not NaN.
		final Neighborhoods nb = membership(new int[][] { //
			{ 1, 0, 1 }, { 0, 0, 0 }, { 1, 0, 1 } });
		final ReverseModeVote vote = new ReverseModeVote(nb);
		assertArrayEquals(new int[] { 2, ReverseModeVote.EMPTY_VOTE, 2 }, vote
			.kappa());
		assertEquals(1, vote.emptyColumns());
	}
}
