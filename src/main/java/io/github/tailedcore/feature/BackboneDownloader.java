package io.github.tailedcore.feature;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Downloads a backbone's ONNX file from its manifest's {@code url} and
 * accepts it only if its SHA-256 matches the manifest.
 * <p>
 * The file appears under its name only complete and verified
 * ({@link VerifiedFile}): a broken or interrupted download never leaves a
 * file that looks valid, and a wrong checksum says so.
 * </p>
 */
public final class BackboneDownloader {

	private final HttpClient client;

	/** A downloader that follows redirects and waits at most 30 s to connect. */
	public BackboneDownloader() {
		client = HttpClient.newBuilder().followRedirects(
			HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * Downloads {@code manifest.url()} to {@code folder/manifest.file()}.
	 *
	 * @return the verified file
	 * @throws IOException if the manifest has no checksum, the server fails,
	 *           or the checksum differs (the partial file is deleted)
	 */
	public Path download(final BackboneManifest manifest, final Path folder)
		throws IOException
	{
		if (manifest.sha256().isEmpty()) throw new IOException(
			"The backbone manifest " + manifest.source() +
				" has no sha256, so a download from " + manifest.url() +
				" could not be verified. Add the file's SHA-256 to the manifest.");
		final URI uri;
		try {
			uri = URI.create(manifest.url());
		}
		catch (final IllegalArgumentException e) {
			throw new IOException("The backbone manifest " + manifest.source() +
				" gives the url '" + manifest.url() + "', which is not a valid " +
				"address (" + e.getMessage() + "). Correct the url in the manifest.",
				e);
		}
		return fetch(uri, folder.resolve(manifest.file()), manifest);
	}

	/** Streams a URL into {@code target}, verified against the manifest. */
	private Path fetch(final URI uri, final Path target,
		final BackboneManifest manifest) throws IOException
	{
		final HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
		final HttpResponse<InputStream> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers
				.ofInputStream());
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("The download of " + uri + " was interrupted.", e);
		}
		catch (final IOException e) {
			throw new IOException("Could not download the backbone " + manifest
				.name() + " from " + uri + " (" + describe(e) + "). Check the " +
				"network connection and proxy, or download the file yourself and " +
				"put it into " + target.getParent() + " as " + manifest.file() + ".",
				e);
		}
		try (InputStream in = response.body()) {
			if (response.statusCode() != 200) throw new IOException(
				"The download of " + uri + " failed with HTTP status " + response
					.statusCode() + ".");
			return VerifiedFile.write(in, target, manifest.sha256(), uri +
				" (the url of the manifest " + manifest.source() +
				"; check its url and sha256)");
		}
	}

	/** An exception's message, or its class when it has none ("Error: null"). */
	private static String describe(final IOException e) {
		final String m = e.getMessage();
		return m == null || m.isBlank() ? e.getClass().getSimpleName() + ", no " +
			"details given" : m;
	}
}
