package io.github.tailedcore.feature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a minimal ONNX model by hand (protobuf wire format), so that tests
 * can feed the loader a valid network with the wrong inputs or outputs
 * without any Python tooling: one {@code Identity} node from a float
 * [N, 3, 224, 224] input to one output.
 */
final class TinyOnnx {

	private TinyOnnx() {}

	/** An opset-13 model whose output {@code output} copies input {@code input}. */
	static byte[] identity(final String input, final String output) {
		final byte[] node = message(string(1, input), string(2, output), string(4,
			"Identity"));
		final byte[] graph = message(bytes(1, node), string(2, "tiny"), bytes(11,
			valueInfo(input)), bytes(12, valueInfo(output)));
		final byte[] opset = message(string(1, ""), varint(2, 13));
		return message(varint(1, 7), string(2, "TinyOnnx"), bytes(7, graph),
			bytes(8, opset));
	}

	/** A float tensor [n, 3, 224, 224] with a dynamic first axis. */
	private static byte[] valueInfo(final String name) {
		final byte[] shape = message(bytes(1, message(string(2, "n"))), bytes(1,
			message(varint(1, 3))), bytes(1, message(varint(1, 224))), bytes(1,
				message(varint(1, 224))));
		final byte[] tensor = message(varint(1, 1), bytes(2, shape));
		return message(string(1, name), bytes(2, message(bytes(1, tensor))));
	}

	private static byte[] message(final byte[]... fields) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (final byte[] f : fields)
			out.writeBytes(f);
		return out.toByteArray();
	}

	private static byte[] varint(final int field, final long value) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		writeVarint(out, (long) field << 3);
		writeVarint(out, value);
		return out.toByteArray();
	}

	private static byte[] string(final int field, final String value) {
		return bytes(field, value.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] bytes(final int field, final byte[] value) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		writeVarint(out, ((long) field << 3) | 2);
		writeVarint(out, value.length);
		out.writeBytes(value);
		return out.toByteArray();
	}

	private static void writeVarint(final ByteArrayOutputStream out, long v) {
		while ((v & ~0x7fL) != 0) {
			out.write((int) ((v & 0x7f) | 0x80));
			v >>>= 7;
		}
		out.write((int) v);
	}
}
