package io.pylon.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SafeTensorsTest {

    @Test
    void headerFollowsTheSafetensorsLayout() {
        StoredTensor t = new StoredTensor(DType.F32, new long[] {2}, new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, 0x40});
        byte[] file = SafeTensors.toBytes(Map.of("w", t), Map.of("k", "v"));

        long headerLength = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        String header = new String(file, 8, (int) headerLength, StandardCharsets.UTF_8);

        assertThat(headerLength % 8).isZero();
        assertThat(header).contains("\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}")
                .contains("\"__metadata__\":{\"k\":\"v\"}");
        assertThat(file).hasSize(8 + (int) headerLength + 8);
    }

    @Test
    void sizeNotMatchingShapeIsCorrupt() {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}";
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(8 + json.length + 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(json.length).put(json).put(new byte[8]);
        assertThatThrownBy(() -> SafeTensors.parse(buf.array(), "x.safetensors"))
                .isInstanceOf(CorruptFileException.class).hasMessageContaining("x.safetensors")
                .hasMessageContaining("'w' holds 8 bytes but F32 x [3] needs 12");
    }

    @Test
    void garbageHeaderIsCorrupt() {
        ByteBuffer buf = ByteBuffer.allocate(8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(4).put("{{{{".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SafeTensors.parse(buf.array(), "g")).isInstanceOf(CorruptFileException.class)
                .hasMessageContaining("not valid JSON");
    }
}
