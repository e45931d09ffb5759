package io.github.tailedcore.cli;

/**
 * One verb of the command line ({@code fit}, {@code score}, {@code benchmark},
 * …), run as {@code mvn -q exec:java -Dexec.args="<name> [options]"}.
 */
public interface Subcommand {

	/** The verb users type. */
	String name();

	/** One line saying what it does, for the help text. */
	String summary();

	/** The options it takes, one per line, for {@code help <name>}. */
	String usage();

	/**
	 * Runs it.
	 *
	 * @return the process exit code: 0 on success
	 * @throws Exception with a message for the user on failure
	 */
	int run(Arguments args) throws Exception;
}
