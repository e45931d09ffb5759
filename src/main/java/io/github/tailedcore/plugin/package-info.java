/**
 * The Fiji plugin: SciJava commands under <em>Plugins › TailedCore</em>
 * (Fit Model, Score Image, Score Folder, Calibrate Threshold) and their
 * static twin for ImageJ 1.x macros,
 * {@link io.github.tailedcore.plugin.TailedCoreMacro}.
 * <p>
 * Commands are thin: they turn their snake_case parameters (the keys that
 * Fiji's macro recorder writes) into calls to the core facade and the
 * {@code ij} package, report progress on the status bar, can be canceled,
 * and end with a summary, or with a cancel reason saying what was wrong
 * with the input.
 * </p>
 * <p>
 * A macro's options string gives the same inputs through
 * {@code run("Score Folder...", options)} and through
 * {@code call(".../TailedCoreMacro.scoreFolder", options)}: both are read by
 * {@link io.github.tailedcore.plugin.MacroOptions} ({@code key=true|false}
 * for check boxes; keys left out get their defaults, never the values a
 * dialog remembered), the first through
 * {@link io.github.tailedcore.plugin.MacroOptionsPreprocessor}.
 * </p>
 */
package io.github.tailedcore.plugin;
