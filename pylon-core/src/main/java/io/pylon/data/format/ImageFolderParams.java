package io.pylon.data.format;

import java.nio.file.Path;

import io.pylon.config.Default;
import io.pylon.config.InvalidValueException;

/**
 * Config of the {@code image_folder} dataset format ({@code root/<class>/<image>.png|jpg|jpeg}).
 *
 * @param path the root folder; each sub-folder is one class
 * @param grayscale decode to one channel (luma {@code 0.299 R + 0.587 G + 0.114 B} for colour images); false
 *                  gives three RGB channels (a grey image's value repeated)
 * @param scale float32 values in [0, 1] (sample / max sample value); false keeps uint8 values 0..255
 */
public record ImageFolderParams(
        Path path,
        @Default("false") boolean grayscale,
        @Default("true") boolean scale) {

    public ImageFolderParams {
        InvalidValueException.require(path != null, "path", "must name the root folder of the images");
    }
}
