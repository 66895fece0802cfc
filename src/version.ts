/**
 * The library's name and version, as stamped on every result.
 *
 * @module
 */

declare const __RNR_VERSION__: string;

/** The package name. */
export const LIBRARY_NAME = 'red-notice-rules';

/** The package version (set at build time from package.json). */
export const LIBRARY_VERSION: string = typeof __RNR_VERSION__ === 'string' ? __RNR_VERSION__ : '0.0.0-development';
