package io.pylon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlReaderTest {

    @TempDir
    Path dir;

    private static Object value(String yaml) {
        return YamlReader.readDocument("v: " + yaml, "t.yaml").get("v").orElseThrow().toPlain();
    }

    @Test
    void plainScalarsResolveByYaml12CoreSchema() {
        assertThat(value("3")).isEqualTo(3L);
        assertThat(value("-12")).isEqualTo(-12L);
        assertThat(value("0x1f")).isEqualTo(31L);
        assertThat(value("1e-3")).isEqualTo(1e-3);
        assertThat(value("1.5")).isEqualTo(1.5);
        assertThat(value(".5")).isEqualTo(0.5);
        assertThat(value("-.inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) value(".nan")).isNaN();
        assertThat(value("true")).isEqualTo(true);
        assertThat(value("False")).isEqualTo(false);
        assertThat(value("null")).isNull();
        assertThat(value("~")).isNull();
        assertThat(value("")).isNull();
        assertThat(value("mnist")).isEqualTo("mnist");
    }

    @Test
    void yaml11OnlyBooleansStayStrings() {
        assertThat(value("on")).isEqualTo("on");
        assertThat(value("no")).isEqualTo("no");
        assertThat(value("yes")).isEqualTo("yes");
    }

    @Test
    void quotedAndTaggedScalarsStayStrings() {
        assertThat(value("'3'")).isEqualTo("3");
        assertThat(value("\"true\"")).isEqualTo("true");
        assertThat(value("!!str 1e-3")).isEqualTo("1e-3");
    }

    @Test
    void explicitNumericTagsAreHonoured() {
        assertThat(value("!!float 3")).isEqualTo(3.0);
        assertThat(value("!!int 3")).isEqualTo(3L);
    }

    @Test
    void integerTooLargeForLongBecomesDouble() {
        assertThat(value("123456789012345678901234")).isEqualTo(1.2345678901234568E23);
    }

    @Test
    void nodesRecordTheLineOfTheirKey() {
        MapNode root = YamlReader.readDocument("""
                # comment
                trainer:
                  max_epochs: 3
                  sizes:
                    - 1
                    - 2
                """, "x.yaml");

        MapNode trainer = (MapNode) root.get("trainer").orElseThrow();
        assertThat(trainer.origin()).isEqualTo(Origin.file("x.yaml", 2));
        assertThat(trainer.get("max_epochs").orElseThrow().origin().toString()).isEqualTo("x.yaml:3");
        ListNode sizes = (ListNode) trainer.get("sizes").orElseThrow();
        assertThat(sizes.origin().line()).isEqualTo(4);
        assertThat(sizes.items().get(1).origin().line()).isEqualTo(6);
    }

    @Test
    void keysKeepTheirWrittenOrder() {
        MapNode root = YamlReader.readDocument("z: 1\na: 2\nm: 3\n", "x.yaml");

        assertThat(root.entries().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void emptyDocumentIsAnEmptyMap() {
        assertThat(YamlReader.readDocument("# nothing\n", "x.yaml").entries()).isEmpty();
    }

    @Test
    void badYamlSyntaxNamesFileAndLine() {
        assertThatThrownBy(() -> YamlReader.readDocument("a: 1\nb: [1, 2\nc: 3\n", "bad.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("bad.yaml:")
                .hasMessageContaining("bad YAML syntax");
        assertThatThrownBy(() -> YamlReader.readDocument("a: 1\n  b: 2\n", "bad.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("bad.yaml:2: bad YAML syntax");
    }

    @Test
    void duplicateKeyIsAnError() {
        assertThatThrownBy(() -> YamlReader.readDocument("a: 1\nb: 2\na: 3\n", "dup.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("dup.yaml:3: a: duplicate key; each key may appear once in a mapping");
    }

    @Test
    void topLevelMustBeAMapping() {
        assertThatThrownBy(() -> YamlReader.readDocument("- 1\n- 2\n", "list.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("list.yaml:1: the top level of a config must be a mapping of keys to values");
    }

    @Test
    void nonScalarKeyIsAnError() {
        assertThatThrownBy(() -> YamlReader.readDocument("? [a, b]\n: 1\n", "k.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mapping keys must be plain text");
    }

    @Test
    void missingFileNamesThePath() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> YamlReader.readFile(missing))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void readValueGivesEveryNodeTheSameOrigin() {
        Origin origin = Origin.override("a={b: [1, 2]}");
        ConfigNode node = YamlReader.readValue("{b: [1, 2]}", origin);

        assertThat(node.toPlain()).isEqualTo(Map.of("b", List.of(1L, 2L)));
        ListNode list = (ListNode) ((MapNode) node).get("b").orElseThrow();
        assertThat(list.items().get(0).origin()).isEqualTo(origin);
    }

    @Test
    void aliasesAreExpanded() {
        MapNode root = YamlReader.readDocument("base: &b {x: 1}\ncopy: *b\n", "a.yaml");

        Map<String, Object> expected = new HashMap<>();
        expected.put("base", Map.of("x", 1L));
        expected.put("copy", Map.of("x", 1L));
        assertThat(root.toPlain()).isEqualTo(expected);
        assertThat(root.entries().keySet()).containsExactly("base", "copy");
    }
}
