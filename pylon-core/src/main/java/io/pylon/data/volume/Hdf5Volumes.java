package io.pylon.data.volume;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.BitField;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

import io.pylon.data.DataException;
import io.pylon.data.array.DType;
import io.pylon.data.array.NdArray;

/**
 * Reads one dataset of an HDF5 file (through jHDF, pure Java) into an {@link NdArray} of the same shape.
 * Types: int8, uint8, int16, uint16, int32, int64 and bool as themselves; uint32 widened to int64;
 * float16 widened to float32; float32, float64. uint64, strings, compounds and other classes are errors
 * naming the type found.
 */
public final class Hdf5Volumes {

    /** How many dataset paths an error lists before "...". */
    private static final int LISTED = 30;

    private Hdf5Volumes() {
    }

    /**
     * Reads dataset {@code datasetPath} (e.g. {@code /volumes/raw}) of {@code file}.
     *
     * @param sampleIndex the sample it is read for, named in errors, or {@link DataException#NO_SAMPLE}
     */
    public static NdArray read(Path file, String datasetPath, long sampleIndex) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new DataException(source, sampleIndex, "no such HDF5 file; check the path");
        }
        try (HdfFile hdf = open(file, sampleIndex)) {
            requireWhole(hdf, hdf, source, sampleIndex);
            Dataset dataset = find(hdf, datasetPath, source, sampleIndex);
            if (dataset.isScalar() || dataset.isEmpty() || dataset.getDimensions().length == 0) {
                throw new DataException(source, sampleIndex, "dataset " + datasetPath + " is "
                        + (dataset.isEmpty() ? "empty" : "a scalar") + "; a volume needs an n-d array");
            }
            DType type = dtype(dataset.getDataType(), source, sampleIndex, datasetPath);
            long[] shape = dataset.getDimensionsAsLong();
            return convert(dataset.getDataFlat(), type, shape);
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            // jHDF reports corrupt structures as HdfException but truncated buffers as plain runtime exceptions
            throw new DataException(source, sampleIndex, "cannot read dataset " + datasetPath + " (" + e.getMessage()
                    + "); the file may be truncated or use an HDF5 feature jHDF does not support", e);
        }
    }

    /**
     * Refuses a file cut short: jHDF maps a contiguous dataset's bytes without checking that the file still
     * holds them, so a truncated copy would yield values the file does not contain. Every contiguous dataset's
     * extent (base address + data address + size) must lie inside the file. Chunked datasets are read
     * through bounded reads, which fail on a short file by themselves.
     */
    private static void requireWhole(HdfFile hdf, Group group, String source, long sampleIndex) {
        for (Node child : group.getChildren().values()) {
            if (child.isLink()) {
                continue;
            }
            if (child instanceof ContiguousDataset data && !data.isEmpty()) {
                long end = hdf.getUserBlockSize() + data.getDataAddress() + data.getSizeInBytes();
                if (end > hdf.size()) {
                    throw new DataException(source, sampleIndex, "the file is truncated: dataset " + child.getPath()
                            + " ends at byte " + end + " but the file has " + hdf.size() + " bytes; copy or"
                            + " download it again");
                }
            } else if (child instanceof Group g) {
                requireWhole(hdf, g, source, sampleIndex);
            }
        }
    }

    /** Paths of every dataset in {@code file}, depth first in name order. */
    public static List<String> datasetPaths(Path file) {
        try (HdfFile hdf = open(file, DataException.NO_SAMPLE)) {
            List<String> paths = new ArrayList<>();
            collect(hdf, paths);
            return paths;
        }
    }

    private static HdfFile open(Path file, long sampleIndex) {
        try {
            return new HdfFile(file);
        } catch (RuntimeException e) {
            throw new DataException(file.toString(), sampleIndex, "not a readable HDF5 file (" + e.getMessage()
                    + "); check that it is HDF5 (not netCDF-3, .npy or a partial download)", e);
        }
    }

    private static Dataset find(HdfFile hdf, String datasetPath, String source, long sampleIndex) {
        Node node;
        try {
            node = hdf.getByPath(datasetPath);
        } catch (HdfException e) {
            throw missing(hdf, datasetPath, source, sampleIndex, "has no dataset " + datasetPath, e);
        }
        if (node instanceof Dataset dataset) {
            return dataset;
        }
        throw missing(hdf, datasetPath, source, sampleIndex, datasetPath + " is a " + node.getType() + ", not a"
                + " dataset", null);
    }

    private static DataException missing(HdfFile hdf, String datasetPath, String source, long sampleIndex,
            String problem, Throwable cause) {
        List<String> paths = new ArrayList<>();
        collect(hdf, paths);
        String listed = paths.isEmpty() ? "it holds no datasets"
                : "its datasets are " + String.join(", ", paths.subList(0, Math.min(LISTED, paths.size())))
                        + (paths.size() > LISTED ? ", ... (" + paths.size() + " in all)" : "");
        return new DataException(source, sampleIndex, problem + "; " + listed, cause);
    }

    private static void collect(Group group, List<String> out) {
        for (Node child : group.getChildren().values().stream()
                .sorted((a, b) -> a.getName().compareTo(b.getName())).toList()) {
            if (child.isLink()) {
                continue;
            }
            if (child instanceof Dataset) {
                out.add(child.getPath().startsWith("/") ? child.getPath() : "/" + child.getPath());
            } else if (child instanceof Group g) {
                collect(g, out);
            }
        }
    }

    private static DType dtype(DataType type, String source, long sampleIndex, String datasetPath) {
        DType found = switch (type) {
            case FixedPoint f when f.isSigned() -> switch (f.getSize()) {
                case 1 -> DType.INT8;
                case 2 -> DType.INT16;
                case 4 -> DType.INT32;
                case 8 -> DType.INT64;
                default -> null;
            };
            case FixedPoint f -> switch (f.getSize()) {
                case 1 -> DType.UINT8;
                case 2 -> DType.UINT16;
                case 4 -> DType.INT64;
                default -> null;
            };
            case FloatingPoint f -> switch (f.getSize()) {
                case 2, 4 -> DType.FLOAT32;
                case 8 -> DType.FLOAT64;
                default -> null;
            };
            case BitField b -> DType.BOOL;
            default -> null;
        };
        if (found == null) {
            throw new DataException(source, sampleIndex, "dataset " + datasetPath + " has type "
                    + describe(type) + "; supported are (u)int8, (u)int16, int32, uint32, int64, float16/32/64 and"
                    + " bool: convert the dataset");
        }
        return found;
    }

    private static String describe(DataType type) {
        return switch (type) {
            case FixedPoint f -> (f.isSigned() ? "int" : "uint") + f.getSize() * 8;
            case FloatingPoint f -> "float" + f.getSize() * 8;
            default -> type.getClass().getSimpleName() + " (" + type.getSize() + " bytes, Java " 
                    + type.getJavaType().getSimpleName() + ")";
        };
    }

    /** jHDF's flat Java array (unsigned types promoted to a wider Java type) as {@code type}. */
    private static NdArray convert(Object flat, DType type, long[] shape) {
        return switch (flat) {
            case byte[] b -> NdArray.of(b, type, shape);
            case short[] s -> NdArray.of(s, type, shape);
            case int[] i when type == DType.UINT8 -> {
                byte[] out = new byte[i.length];
                for (int k = 0; k < i.length; k++) {
                    out[k] = (byte) i[k];
                }
                yield NdArray.of(out, type, shape);
            }
            case int[] i when type == DType.UINT16 -> {
                short[] out = new short[i.length];
                for (int k = 0; k < i.length; k++) {
                    out[k] = (short) i[k];
                }
                yield NdArray.of(out, type, shape);
            }
            case int[] i -> NdArray.of(i, shape);
            case long[] l -> NdArray.of(l, shape);
            case float[] f -> NdArray.of(f, shape);
            case double[] d -> NdArray.of(d, shape);
            case boolean[] z -> {
                byte[] out = new byte[z.length];
                for (int k = 0; k < z.length; k++) {
                    out[k] = (byte) (z[k] ? 1 : 0);
                }
                yield NdArray.of(out, DType.BOOL, shape);
            }
            case BigInteger[] big -> throw new IllegalArgumentException("uint64 is not supported");
            default -> throw new IllegalArgumentException("unexpected jHDF data " + flat.getClass().getSimpleName());
        };
    }
}
