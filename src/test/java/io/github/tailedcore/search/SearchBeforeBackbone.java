package io.github.tailedcore.search;

import ai.djl.Model;

/**
 * A process whose first ONNX Runtime work is a search and whose second is
 * starting DJL's ONNX Runtime engine, as for the backbone: exits 0 if both
 * work (run by {@link OnnxNearestNeighborSearchTest} in a JVM of its own).
 */
public final class SearchBeforeBackbone {

	private SearchBeforeBackbone() {}

	public static void main(final String[] args) {
		final float[] d = new float[1];
		final int[] i = new int[1];
		new OnnxNearestNeighborSearch(SearchAgreement.random(20, 4, 1)).search(
			SearchAgreement.random(1, 4, 2), d, i);
		try (Model model = Model.newInstance("backbone", "OnnxRuntime")) {
			System.out.println("search and DJL engine: " + model.getNDManager()
				.getEngine().getEngineName());
		}
	}
}
