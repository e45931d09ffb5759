/**
 * The Fiji menu commands (<em>Plugins › TailedCore</em>) and the macro
 * interface: thin wrappers that turn parameters into calls of the headless
 * core and show the results with ImageJ 1.x objects.
 */
package io.github.tailedcore.plugin;
