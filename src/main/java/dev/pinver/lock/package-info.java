/**
 * Lock files: which version of each package a project actually resolved, for {@code pin} (windows start
 * from the resolved version) and {@code outdated}. One reader per format turns a lock's text into
 * {@link dev.pinver.lock.LockedVersions} ({@link dev.pinver.lock.TomlLockReader} for uv, Poetry and PDM,
 * {@link dev.pinver.lock.PipfileLockReader}, {@link dev.pinver.lock.RequirementsLockReader} for pip-compile
 * style output, {@link dev.pinver.lock.NpmLockReader}); {@link dev.pinver.lock.Locks} finds the lock that
 * belongs to a manifest. Readers are pure; a lock that cannot be read is a located bad-input
 * {@link dev.pinver.PinverException}.
 *
 * <p>The rules shared by every reader:
 * <ul>
 *   <li>Only packages installed from a registry (or a private index) are listed; editable, local, VCS,
 *       URL and linked installs are skipped, since their version is not a release pinver can pin.</li>
 *   <li>One version per name. npm: the one Node resolves from the project's own directory (its top-level
 *       {@code node_modules/<name>}), never a nested copy. Python locks forked by environment markers
 *       (uv, Poetry, PDM, {@code uv pip compile --universal}): the newest by PEP 440, the version the
 *       newest environments get. Pipfile.lock: {@code default} before {@code develop}.</li>
 * </ul>
 */
package dev.pinver.lock;
