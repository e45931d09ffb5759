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
 */
package io.github.tailedcore.plugin;
