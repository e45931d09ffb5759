package io.github.tailedcore;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The error boundary of every front end (command line, Fiji commands, macro
 * API): turns anything thrown, {@link Error}s included, into one line that
 * says what went wrong, with which file or during what, and what to do,
 * instead of a stack trace, {@code "Error: null"} or a bare number.
 * <p>
 * The core's exceptions for bad input carry whole sentences and pass
 * through as they are. The JDK's terse file exceptions (a path alone) get
 * their sentence here; an {@link OutOfMemoryError} says how much heap Java
 * had and how to give it more; a {@link LinkageError} (ONNX Runtime's
 * native library could not be unpacked or loaded) says where it is
 * unpacked; anything else is an internal error, named with its class and
 * place so that it can be reported. Wrappers ({@link ExecutionException},
 * exceptions without a message of their own) are looked through; the kind
 * of failure, and so the exit code, is decided by the first
 * {@link OutOfMemoryError} or {@link LinkageError} among the causes.
 * </p>
 *
 * <pre>
 * catch (Throwable t) {
 * 	System.err.println("Error: " + ErrorMessage.of(t, "fitting on " + folder));
 * 	return ErrorMessage.Kind.of(t).exitCode();
 * }
 * </pre>
 */
public final class ErrorMessage {

	/** What kind of failure a throwable is; each has its exit code. */
	public enum Kind {
			/** Bad input or output: a file, a folder, a value (exit code 1). */
			INPUT(1),
			/** Java's heap is too small (exit code 3). */
			MEMORY(3),
			/** A native library or class could not be loaded (exit code 4). */
			LIBRARY(4),
			/** A bug (exit code 70, EX_SOFTWARE). */
			INTERNAL(70),
			/** The user canceled (exit code 130, as for Ctrl-C). */
			CANCELED(130);

		private final int exitCode;

		Kind(final int exitCode) {
			this.exitCode = exitCode;
		}

		/** The command line's exit status for this kind. */
		public int exitCode() {
			return exitCode;
		}

		/** The kind of {@code t}, wrappers looked through. */
		public static Kind of(final Throwable t) {
			final Throwable cause = unwrap(t);
			if (cause instanceof CancellationException) return CANCELED;
			for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c
				.getCause())
			{
				if (c instanceof OutOfMemoryError) return MEMORY;
				if (c instanceof LinkageError) return LIBRARY;
			}
			if (cause instanceof IOException || cause instanceof InterruptedException)
				return INPUT;
			if (isSentence(cause)) return INPUT;
			return INTERNAL;
		}
	}

	/** How to give Java more memory, for the middle of a sentence. */
	public static final String MORE_MEMORY = "give Java more memory (java " +
		"-Xmx…; in Fiji Edit › Options › Memory & Threads…)";

	private ErrorMessage() {}

	/**
	 * One line for the user.
	 *
	 * @param t what was thrown
	 * @param during what was being done, naming the files, e.g.
	 *          {@code "running fit --train /data --model m.tailedcore"}
	 */
	public static String of(final Throwable t, final String during) {
		final Throwable cause = unwrap(t);
		return oneLine(message(cause, during));
	}

	private static String message(final Throwable t, final String during) {
		final String while_ = during == null || during.isBlank() ? ""
			: " while " + during;
		if (t instanceof CancellationException) return "Canceled" + (t
			.getMessage() == null ? "." : ": " + t.getMessage());
		if (t instanceof OutOfMemoryError) return "Java ran out of memory (its " +
			"maximum heap is " + size(Runtime.getRuntime().maxMemory()) + ")" +
			while_ + ". Use fewer or smaller images, or " + MORE_MEMORY + ".";
		if (t instanceof LinkageError) return linkage((LinkageError) t, while_);
		if (t instanceof InterruptedException) return "Interrupted" + while_ + ".";
		if (t instanceof IOException) return io((IOException) t, while_);
		if (isSentence(t)) return t.getMessage();
		final StackTraceElement where = t.getStackTrace().length == 0 ? null : t
			.getStackTrace()[0];
		return "Internal error (" + t.getClass().getSimpleName() + (t
			.getMessage() == null ? "" : ": " + t.getMessage()) + (where == null
				? "" : " at " + where) + ")" + while_ + ". This is a bug in " +
			"TailedCore: please report it with this line and what you ran.";
	}

	/** JDK file exceptions name a path only: give them their sentence. */
	private static String io(final IOException e, final String while_) {
		if (e instanceof FileSystemException) {
			final FileSystemException f = (FileSystemException) e;
			final String file = f.getFile();
			final String reason = f.getReason();
			if (e instanceof NoSuchFileException) return reason != null ? e
				.getMessage() : file + " does not exist" + while_ +
					". Check the path.";
			if (e instanceof AccessDeniedException) return "Permission denied for " +
				file + while_ + ". Choose a file or folder you may use, or ask for " +
				"access.";
			if (e instanceof FileAlreadyExistsException && reason == null)
				return file + " exists already" + while_ + "; choose another name, " +
					"or allow overwriting.";
			if (reason != null && reason.toLowerCase(Locale.ROOT).contains(
				"no space")) return "The disk is full" + while_ + " (writing " + file +
					"). Free some space and run again.";
		}
		if (e.getMessage() == null || e.getMessage().isBlank()) return "An " +
			"input/output error (" + e.getClass().getSimpleName() + ") occurred" +
			while_ + "; check the files, the disk and the network connection, " +
			"and run again.";
		return e.getMessage();
	}

	private static String linkage(final LinkageError e, final String while_) {
		final String detail = rootDetail(e);
		if (mentionsOnnxRuntime(e)) return "ONNX Runtime's native library " +
			"could not be loaded (" + detail + ")" + while_ + ". It is unpacked " +
			"into Java's temporary folder " + System.getProperty("java.io.tmpdir") +
			", which must exist, be writable and have about 100 MB free: free " +
			"space there, or point Java to another folder with " +
			"-Djava.io.tmpdir=DIR, and run again.";
		return "A part of TailedCore or of a library it uses could not be " +
			"loaded (" + detail + ")" + while_ + ". Reinstall TailedCore (in Fiji " +
			"Help › Update…) and run again.";
	}

	private static boolean mentionsOnnxRuntime(Throwable t) {
		for (; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains(
				"onnx")) return true;
			for (final StackTraceElement s : t.getStackTrace())
				if (s.getClassName().startsWith("ai.onnxruntime") || s.getClassName()
					.startsWith("ai.djl.onnxruntime")) return true;
		}
		return false;
	}

	/** The innermost message, or the innermost class if none has one. */
	private static String rootDetail(Throwable t) {
		String detail = t.getClass().getSimpleName();
		for (; t != null; t = t.getCause() == t ? null : t.getCause())
			detail = t.getMessage() != null ? t.getMessage() : t.getClass()
				.getSimpleName();
		return detail;
	}

	/**
	 * Whether {@code t} is an exception of this project's kind for bad input:
	 * an argument or state exception with a message that reads as a sentence
	 * (not a bare number like "-1").
	 */
	private static boolean isSentence(final Throwable t) {
		final String m = t.getMessage();
		return (t instanceof IllegalArgumentException ||
			t instanceof IllegalStateException ||
			t instanceof UnsupportedOperationException) &&
			!(t instanceof NumberFormatException) && m != null && m.trim().length() >
				12 && m.trim().contains(" ");
	}

	/** Looks through wrappers to what was really thrown. */
	static Throwable unwrap(Throwable t) {
		while (t.getCause() != null && t.getCause() != t && !(t instanceof Error) &&
			(t instanceof ExecutionException || t instanceof CompletionException ||
				t instanceof InvocationTargetException ||
				t instanceof UndeclaredThrowableException || t.getMessage() == null ||
				t.getMessage().equals(t.getCause().toString())))
			t = t.getCause();
		return t;
	}

	/** "6.0 GB", "64 MB". */
	private static String size(final long bytes) {
		return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
			: String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
	}

	private static String oneLine(final String s) {
		return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
	}
}
