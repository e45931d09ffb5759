package io.github.tailedcore.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tailedcore.linalg.FeatureMatrix;

import org.junit.jupiter.api.Test;

class NearestNeighborSearchesTest {

	@Test
	void picksOnnxRuntimeWhichNeedsNoFlag() {
		assertTrue(NearestNeighborSearches.onnxUsable());
		assertInstanceOf(OnnxNearestNeighborSearch.class, NearestNeighborSearches
			.fastest(FeatureMatrix.zeros(3, 4)));
		assertTrue(NearestNeighborSearches.describe().startsWith("ONNX Runtime"));
	}

	@Test
	void withoutOnnxRuntimePicksTheVectorSearchWhenTheModuleIsLoaded() {
		// the pom starts the tests with --add-modules jdk.incubator.vector
		System.setProperty(NearestNeighborSearches.ONNX_PROPERTY, "false");
		try {
			assertTrue(NearestNeighborSearches.vectorApiUsable());
			assertInstanceOf(VectorNearestNeighborSearch.class,
				NearestNeighborSearches.fastest(FeatureMatrix.zeros(3, 4)));
			assertTrue(NearestNeighborSearches.describe().startsWith("Vector API"),
				NearestNeighborSearches.describe());
		}
		finally {
			System.clearProperty(NearestNeighborSearches.ONNX_PROPERTY);
		}
	}

	@Test
	void thePortablePathCanBeForced() {
		System.setProperty(NearestNeighborSearches.PORTABLE_PROPERTY, "true");
		try {
			assertInstanceOf(BlockedNearestNeighborSearch.class,
				NearestNeighborSearches.fastest(FeatureMatrix.zeros(3, 4)));
			assertTrue(NearestNeighborSearches.describe().contains("forced"));
		}
		finally {
			System.clearProperty(NearestNeighborSearches.PORTABLE_PROPERTY);
		}
	}

	@Test
	void allPathsGiveTheSameAnswers() {
		final FeatureMatrix memory = SearchAgreement.clustered(200, 33, 5, 3);
		final FeatureMatrix queries = SearchAgreement.clustered(40, 33, 5, 4);
		final float[] dv = new float[40], dp = new float[40], dn = new float[40];
		final int[] iv = new int[40], ip = new int[40], in = new int[40];
		new VectorNearestNeighborSearch(memory).search(queries, dv, iv);
		new BlockedNearestNeighborSearch(memory).search(queries, dp, ip);
		new OnnxNearestNeighborSearch(memory).search(queries, dn, in);
		for (int q = 0; q < 40; q++) {
			assertEquals(dv[q], dp[q], 1e-4 * dv[q]);
			assertEquals(dv[q], dn[q], 1e-4 * dv[q]);
		}
	}
}
