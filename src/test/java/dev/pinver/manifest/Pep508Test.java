package dev.pinver.manifest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pinver.version.InvalidSpecException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pep508Test {

    /** Name, extras and spec; offsets are counted by hand in the input string. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # input                                   | name            | normalised      | nameStart | extras        | spec                 | specStart | specEnd
            fastapi                                   | fastapi         | fastapi         | 0         |               | ``                   | 7         | 7
            `  fastapi  `                             | fastapi         | fastapi         | 2         |               | ``                   | 9         | 9
            fastapi>=0.45.0,<0.46.0                   | fastapi         | fastapi         | 0         |               | >=0.45.0,<0.46.0     | 7         | 23
            httpx >=0.23.0,<1.0.0                     | httpx           | httpx           | 0         |               | >=0.23.0,<1.0.0      | 6         | 21
            coverage[toml] >= 6.5.0,< 8.0             | coverage        | coverage        | 0         | toml          | >= 6.5.0,< 8.0       | 15        | 29
            `async-timeout >= 4.0, < 6.0 `            | async-timeout   | async-timeout   | 0         |               | >= 4.0, < 6.0        | 14        | 27
            Django_Money==3.6.1                       | Django_Money    | django-money    | 0         |               | ==3.6.1              | 12        | 19
            zope.sqlalchemy                           | zope.sqlalchemy | zope-sqlalchemy | 0         |               | ``                   | 15        | 15
            Foo__.-Bar                                | Foo__.-Bar      | foo-bar         | 0         |               | ``                   | 10        | 10
            `name (>=1.0, <2)`                        | name            | name            | 0         |               | >=1.0, <2            | 6         | 15
            `name ( >=1.0 )`                          | name            | name            | 0         |               | >=1.0                | 7         | 12
            `name[a, b_c ] (==1.*)`                   | name            | name            | 0         | a,b_c         | ==1.*                | 15        | 20
            name[]                                    | name            | name            | 0         |               | ``                   | 6         | 6
            torch==1.13.1+cu117                       | torch           | torch           | 0         |               | ==1.13.1+cu117       | 5         | 19
            triton==2.0.0.post1                       | triton          | triton          | 0         |               | ==2.0.0.post1        | 6         | 19
            foo~=1.4.2                                | foo             | foo             | 0         |               | ~=1.4.2              | 3         | 10
            foo!=1.0,>1                               | foo             | foo             | 0         |               | !=1.0,>1             | 3         | 11
            foo===foobar!x                            | foo             | foo             | 0         |               | ===foobar!x          | 3         | 14
            foo>=1,                                   | foo             | foo             | 0         |               | >=1,                 | 3         | 7
            foo==${VERSION}                           | foo             | foo             | 0         |               | ==${VERSION}         | 3         | 15
            A                                         | A               | a               | 0         |               | ``                   | 1         | 1
            """)
    void parsesNamesExtrasAndSpecs(String input, String name, String normalised, int nameStart, String extras,
            String spec, int specStart, int specEnd) {
        Pep508.Requirement r = Pep508.parse(input);
        List<String> expectedExtras = extras == null ? List.of() : Arrays.asList(extras.split(","));
        assertAll(
                () -> assertEquals(name, r.name()),
                () -> assertEquals(normalised, r.normalisedName()),
                () -> assertEquals(nameStart, r.nameStart()),
                () -> assertEquals(expectedExtras, r.extras()),
                () -> assertEquals(spec, r.spec()),
                () -> assertEquals(specStart, r.specStart()),
                () -> assertEquals(specEnd, r.specEnd()),
                () -> assertEquals(spec, input.substring(r.specStart(), r.specEnd())),
                () -> assertEquals("", r.url()),
                () -> assertFalse(r.isDirectReference()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # input                                                                    | marker                                                   | markerStart | spec
            `uvloop; platform_system != "Windows" and implementation_name == "cpython"` | `platform_system != "Windows" and implementation_name == "cpython"` | 8 | ``
            `colorama==0.4.6 ; sys_platform == 'win32'`                                 | `sys_platform == 'win32'`                                 | 18          | ==0.4.6
            `mypy>=1.20.2,<1.21.0; platform_machine != "aarch64" and python_version >= "3.8"` | `platform_machine != "aarch64" and python_version >= "3.8"` | 22 | `>=1.20.2,<1.21.0`
            `backports.zoneinfo; python_version<"3.9"`                                  | `python_version<"3.9"`                                    | 20          | ``
            `foo; (os_name=='a' or os_name=='b') and python_version>'3'  `              | `(os_name=='a' or os_name=='b') and python_version>'3'`   | 5           | ``
            `foo; 'linux' in sys_platform`                                              | `'linux' in sys_platform`                                 | 5           | ``
            `foo; sys_platform not  in 'win32 cygwin'`                                  | `sys_platform not  in 'win32 cygwin'`                     | 5           | ``
            `foo; os.name == 'posix'`                                                   | `os.name == 'posix'`                                      | 5           | ``
            `foo; extra == "test" or python_full_version ~= '3.8.1'`                    | `extra == "test" or python_full_version ~= '3.8.1'`       | 5           | ``
            `foo (>=1);platform_python_implementation=="CPython"`                       | `platform_python_implementation=="CPython"`               | 10          | >=1
            """)
    void keepsMarkersVerbatim(String input, String marker, int markerStart, String spec) {
        Pep508.Requirement r = Pep508.parse(input);
        assertEquals(marker, r.marker());
        assertEquals(markerStart, r.markerStart());
        assertEquals(marker, input.substring(markerStart, markerStart + marker.length()));
        assertEquals(spec, r.spec());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # input                                                                       | name       | url                                                                   | urlStart | marker
            clip @ git+https://github.com/openai/CLIP.git                                 | clip       | git+https://github.com/openai/CLIP.git                                | 7        | ``
            django-push @ git+https://github.com/brutasse/django-push.git@22fda99641cfbd2 | django-push | git+https://github.com/brutasse/django-push.git@22fda99641cfbd2       | 14       | ``
            pip@https://github.com/pypa/pip/archive/22.0.2.zip                            | pip        | https://github.com/pypa/pip/archive/22.0.2.zip                        | 4        | ``
            `local[x] @ file:///opt/wheels/local-1.0-py3-none-any.whl ; os_name == "posix"` | local   | file:///opt/wheels/local-1.0-py3-none-any.whl                         | 11       | `os_name == "posix"`
            `name @ https://x.test/a;b.whl`                                               | name       | https://x.test/a;b.whl                                                | 7        | ``
            """)
    void recognisesDirectReferences(String input, String name, String url, int urlStart, String marker) {
        Pep508.Requirement r = Pep508.parse(input);
        assertEquals(name, r.name());
        assertEquals(url, r.url());
        assertEquals(urlStart, r.urlStart());
        assertEquals(url, input.substring(urlStart, urlStart + url.length()));
        assertTrue(r.isDirectReference());
        assertEquals("", r.spec());
        assertEquals(marker, r.marker());
    }

    /** Each invalid input with the offset of the character the error must point at. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # input                               | offset | message contains
            fastapi=>0.45                         | 7      | unknown version operator '=>'
            fastapi=0.45                          | 7      | unknown version operator '='
            fastapi====1                          | 7      | unknown version operator '===='
            fastapi<>1                            | 7      | unknown version operator '<>'
            `fastapi 0.45`                        | 8      | expected a version operator
            fastapi>=                             | 9      | expected a version after '>='
            `fastapi>=,<1`                        | 9      | expected a version after '>='
            `fastapi >=0.45 <0.46`                | 15     | expected ',' between version specifiers
            fastapi>=1.0$                         | 12     | expected
            ``                                    | 0      | expected a package name
            `   `                                 | 3      | expected a package name
            -foo                                  | 0      | expected a package name
            foo-                                  | 3      | must end with a letter or digit
            foo.>=1                               | 3      | must end with a letter or digit
            `foo[a,]`                             | 6      | expected an extra name
            `foo[a b]`                            | 6      | expected ',' or ']'
            foo[a                                 | 5      | expected ',' or ']'
            `foo (>=1`                            | 8      | expected ')'
            `foo @ `                              | 6      | expected a URL
            `foo @ https://x.test/p.whl extra`    | 27     | expected ';' or the end
            `foo>=1 @ https://x.test/p.whl`       | 7      | expected ';' or the end
            `foo===1.0-local build`               | 16     | expected ';' or the end
            foo;                                  | 4      | expected an environment marker
            `foo; python_version < "3.8`          | 22     | unterminated string
            `foo; pyton_version < "3.8"`          | 5      | unknown marker variable 'pyton_version'
            `foo; python_version => "3.8"`        | 20     | unknown marker operator '=>'
            `foo; python_version "3.8"`           | 20     | expected a marker operator
            `foo; python_version not "3.8"`       | 20     | expected 'not in'
            `foo; (os_name == "a"`                | 20     | expected ')'
            `foo; os_name == "a" xor os_name == "b"` | 20  | expected 'and', 'or'
            `foo; os_name == "a" and`             | 23     | expected a marker variable
            foo==${version}                       | 5      | environment variable reference
            `foo\nbar`                            | 3      | expected
            """)
    void rejectsWithExactOffset(String input, int offset, String message) {
        String text = input == null ? "" : input.replace("\\n", "\n");
        InvalidSpecException e = assertThrows(InvalidSpecException.class, () -> Pep508.parse(text));
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void checksMarkersOnTheirOwn() {
        Pep508.checkMarker(" python_version >= \"3.8\" and (os_name == 'nt' or 'arm' in platform_machine) ");
        Pep508.checkMarker("extra=='test'");
        InvalidSpecException bad = assertThrows(InvalidSpecException.class,
                () -> Pep508.checkMarker(" python_version >> \"3\""));
        assertEquals(16, bad.offset());
        InvalidSpecException trailing = assertThrows(InvalidSpecException.class,
                () -> Pep508.checkMarker("os_name == 'nt' ;"));
        assertEquals(16, trailing.offset());
        assertEquals(2, assertThrows(InvalidSpecException.class, () -> Pep508.checkMarker("  ")).offset());
    }

    @Test
    void normalisesPerPep503() {
        assertEquals("friendly-bard", Pep508.normalise("Friendly-Bard"));
        assertEquals("friendly-bard", Pep508.normalise("FRIENDLY-BARD"));
        assertEquals("friendly-bard", Pep508.normalise("friendly.bard"));
        assertEquals("friendly-bard", Pep508.normalise("friendly_bard"));
        assertEquals("friendly-bard", Pep508.normalise("friendly--bard"));
        assertEquals("friendly-bard", Pep508.normalise("FrIeNdLy-._.-bArD"));
    }

    @Test
    void validatesNames() {
        assertTrue(Pep508.isValidName("a"));
        assertTrue(Pep508.isValidName("zope.interface"));
        assertTrue(Pep508.isValidName("9x_y-z"));
        assertFalse(Pep508.isValidName(""));
        assertFalse(Pep508.isValidName("-a"));
        assertFalse(Pep508.isValidName("a-"));
        assertFalse(Pep508.isValidName("a b"));
        assertFalse(Pep508.isValidName("café"));
    }
}
