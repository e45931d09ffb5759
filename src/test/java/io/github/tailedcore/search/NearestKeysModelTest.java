package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The hand-written model, in a session of its own (the search keeps one
 * session for the process): keys ‖m‖² − 2 q·m and the
 * {@value NearestCandidates#CAPACITY} smallest per query, ascending, ties by
 * the smaller row.
 */
class NearestKeysModelTest {

	@Test
	void computesTheKeysAndKeepsTheSmallest() throws OrtException {
		Engine.getEngine("OnnxRuntime"); // the environment DJL's engine makes
		final OrtEnvironment env = OrtEnvironment.getEnvironment();
		// 10 one-dimensional rows m = 0 .. 9 (row 9 repeats row 3's value)
		final float[] rows = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 3 };
		final float[] norms = new float[rows.length];
		for (int j = 0; j < rows.length; j++)
			norms[j] = rows[j] * rows[j];
		try (OrtSession session = env.createSession(NearestKeysModel.bytes(),
			new OrtSession.SessionOptions());
				OnnxTensor q = OnnxTensor.createTensor(env, FloatBuffer.wrap(
					new float[] { 3, 10 }), new long[] { 2, 1 });
				OnnxTensor m = OnnxTensor.createTensor(env, FloatBuffer.wrap(rows),
					new long[] { rows.length, 1 });
				OnnxTensor n = OnnxTensor.createTensor(env, FloatBuffer.wrap(norms),
					new long[] { rows.length });
				OrtSession.Result result = session.run(Map.of(NearestKeysModel.QUERIES,
					q, NearestKeysModel.ROWS, m, NearestKeysModel.NORMS, n)))
		{
			final float[][] keys = (float[][]) result.get(NearestKeysModel.BEST_KEYS)
				.get().getValue();
			final long[][] best = (long[][]) result.get(NearestKeysModel.BEST_ROWS)
				.get().getValue();
			// query 3: m² − 6m = −9 at m = 3 (rows 3 and 9), −8 at 2 and 4, …
			assertArrayEquals(new long[] { 3, 9, 2, 4, 1, 5, 0, 6 }, best[0]);
			assertArrayEquals(new float[] { -9, -9, -8, -8, -5, -5, 0, 0 }, keys[0]);
			// query 10: m² − 20m, smallest at the largest m
			assertArrayEquals(new long[] { 8, 7, 6, 5, 4, 3, 9, 2 }, best[1]);
			assertArrayEquals(new float[] { -96, -91, -84, -75, -64, -51, -51, -36 },
				keys[1]);
		}
	}
}
