package dev.pinver.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * File name → version, against pip 23.2.1 as the oracle: wheels by its vendored packaging 21.3
 * {@code parse_wheel_filename} (name checked against the project), sdists by pip's
 * {@code splitext} and {@code _extract_version_from_fragment}. Empty expected version: pip takes no
 * version from the file.
 */
class DistFilenameTest {

    @ParameterizedTest(name = "{1} of {0} → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            numpy              | numpy-2.4.6-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl | 2.4.6
            importlib-metadata | importlib_metadata-9.0.1-py3-none-any.whl                               | 9.0.1
            foo-bar            | foo_bar-1.0-1-py3-none-any.whl                                          | 1.0
            foo-bar            | foo_bar-1.0-1abc-py3-none-any.whl                                       | 1.0
            foo-bar            | foo_bar-1.0-abc-py3-none-any.whl                                        | -
            foo-bar            | Foo.Bar-2.0rc1-py2.py3-none-any.whl                                     | 2.0rc1
            foo-bar            | foo__bar-1.0-py3-none-any.whl                                           | -
            foo                | foo-1.0-py3-none.whl                                                    | -
            foo                | foo-1.0-extra-more-py3-none-any.whl                                     | -
            foo                | bar-1.0-py3-none-any.whl                                                | -
            torch              | torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl                  | 2.13.0+cpu
            foo-bar            | foo-bar-1.0.tar.gz                                                      | 1.0
            foo-bar            | foo_bar-1.0.tar.gz                                                      | 1.0
            foo-bar            | Foo.Bar-1.0.post1.zip                                                   | 1.0.post1
            foo-bar            | foo-bar-baz-1.0.tar.gz                                                  | baz-1.0
            foo                | foo-bar-1.0.tar.gz                                                      | bar-1.0
            foo                | foo-1.0.tar.bz2                                                         | 1.0
            foo                | foo-1.0.tgz                                                             | 1.0
            foo                | foo-1.0.tar.xz                                                          | 1.0
            foo                | foo-1.0.tar                                                             | 1.0
            foo                | foo-.tar.gz                                                             | -
            foo                | foo-1.0-py2.7.egg                                                       | -
            foo                | foo-1.0.win32.exe                                                       | -
            foo                | foo-1.0.rpm                                                             | -
            python-dateutil    | python-dateutil-2.8.2.tar.gz                                            | 2.8.2
            zope-interface     | zope.interface-5.4.0.tar.gz                                             | 5.4.0
            foo                | FOO-1.0.TAR.GZ                                                          | -
            foo                | foo-1.0-fork.tar.gz                                                     | 1.0-fork
            """)
    void versionAsPipReadsIt(String project, String filename, String expected) {
        assertEquals(Optional.ofNullable(expected), DistFilename.version(filename, project));
    }
}
