package io.github.tailedcore.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The ONNX model that {@link OnnxNearestNeighborSearch} runs on each chunk of
 * the memory bank, written in the protobuf wire format (no ONNX tooling
 * needed):
 *
 * <pre>
 * keys = Gemm(queries, rows, norms, alpha = −2, beta = 1, transB = 1)
 *      = ‖m‖² − 2 q·m              [query count, chunk rows]
 * best_keys, best_rows = TopK(keys, k = {@value NearestCandidates#CAPACITY}, largest = 0, sorted = 1)
 * </pre>
 *
 * Inputs {@value #QUERIES} [n, d], {@value #ROWS} [c, d] (row-major, as in
 * the bank) and {@value #NORMS} [c] are float; every size is dynamic, so one
 * session serves every bank. TopK breaks ties by the smaller row, as the
 * ONNX specification requires, so exact duplicates keep the reference's
 * first-row rule. Opset 13.
 */
final class NearestKeysModel {

	static final String QUERIES = "queries";
	static final String ROWS = "rows";
	static final String NORMS = "norms";
	static final String BEST_KEYS = "best_keys";
	static final String BEST_ROWS = "best_rows";

	/** ONNX TensorProto.DataType values. */
	private static final int FLOAT = 1, INT64 = 7;
	/** ONNX AttributeProto.AttributeType values. */
	private static final int ATTRIBUTE_FLOAT = 1, ATTRIBUTE_INT = 2;

	private NearestKeysModel() {}

	/** The serialized ModelProto. */
	static byte[] bytes() {
		final byte[] gemm = message(string(1, QUERIES), string(1, ROWS), string(1,
			NORMS), string(2, "keys"), string(4, "Gemm"), field(5, floatAttribute(
				"alpha", -2)), field(5, floatAttribute("beta", 1)), field(5,
					intAttribute("transB", 1)));
		final byte[] topK = message(string(1, "keys"), string(1, "k"), string(2,
			BEST_KEYS), string(2, BEST_ROWS), string(4, "TopK"), field(5,
				intAttribute("largest", 0)), field(5, intAttribute("sorted", 1)));
		final byte[] k = message(varint(1, 1), varint(2, INT64), field(7,
			varint(NearestCandidates.CAPACITY)), string(8, "k"));
		final byte[] graph = message(field(1, gemm), field(1, topK), string(2,
			"nearest_keys"), field(5, k), field(11, tensor(QUERIES, FLOAT, "n",
				"d")), field(11, tensor(ROWS, FLOAT, "c", "d")), field(11, tensor(
					NORMS, FLOAT, "c")), field(12, tensor(BEST_KEYS, FLOAT, "n", "k")),
			field(12, tensor(BEST_ROWS, INT64, "n", "k")));
		final byte[] opset = message(string(1, ""), varint(2, 13));
		return message(varint(1, 7), string(2, "TailedCore"), field(7, graph),
			field(8, opset));
	}

	/** A ValueInfoProto: a tensor of {@code type} with named dynamic sizes. */
	private static byte[] tensor(final String name, final int type,
		final String... sizes)
	{
		final byte[][] dims = new byte[sizes.length][];
		for (int i = 0; i < sizes.length; i++)
			dims[i] = field(1, string(2, sizes[i]));
		final byte[] tensorType = message(varint(1, type), field(2, message(dims)));
		return message(string(1, name), field(2, field(1, tensorType)));
	}

	private static byte[] floatAttribute(final String name, final float value) {
		final int bits = Float.floatToIntBits(value);
		final byte[] fixed32 = { 2 << 3 | 5, (byte) bits, (byte) (bits >>> 8),
			(byte) (bits >>> 16), (byte) (bits >>> 24) };
		return message(string(1, name), fixed32, varint(20, ATTRIBUTE_FLOAT));
	}

	private static byte[] intAttribute(final String name, final long value) {
		return message(string(1, name), varint(3, value), varint(20,
			ATTRIBUTE_INT));
	}

	private static byte[] message(final byte[]... fields) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (final byte[] f : fields)
			out.writeBytes(f);
		return out.toByteArray();
	}

	/** Field {@code number} of wire type 0 (varint). */
	private static byte[] varint(final int number, final long value) {
		return message(varint((long) number << 3), varint(value));
	}

	/** Field {@code number} of wire type 2 (length-delimited). */
	private static byte[] field(final int number, final byte[] value) {
		return message(varint((long) number << 3 | 2), varint(value.length),
			value);
	}

	private static byte[] string(final int number, final String value) {
		return field(number, value.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] varint(long value) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		while ((value & ~0x7fL) != 0) {
			out.write((int) (value & 0x7f | 0x80));
			value >>>= 7;
		}
		out.write((int) value);
		return out.toByteArray();
	}
}
