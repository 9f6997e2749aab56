package io.pylon.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The code a run was started from: the git commit of the repository holding the working directory
 * ({@code git:<sha>}), read straight from {@code .git} (no process started), else the Pylon version.
 */
final class CodeVersion {

    private CodeVersion() {
    }

    static String detect(Path workingDirectory) {
        return gitCommit(workingDirectory.toAbsolutePath()).map(sha -> "git:" + sha)
                .orElseGet(() -> "pylon:" + Optional.ofNullable(CodeVersion.class.getPackage().getImplementationVersion())
                        .orElse("dev"));
    }

    static Optional<String> gitCommit(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            try {
                if (Files.isRegularFile(git)) {
                    // a worktree or submodule: ".git" names the real git directory
                    String line = Files.readString(git, StandardCharsets.UTF_8).trim();
                    if (line.startsWith("gitdir:")) {
                        return headOf(dir.resolve(line.substring("gitdir:".length()).trim()));
                    }
                } else if (Files.isDirectory(git)) {
                    return headOf(git);
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> headOf(Path gitDir) throws IOException {
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (!head.startsWith("ref:")) {
            return Optional.of(head);
        }
        String ref = head.substring("ref:".length()).trim();
        // worktrees keep refs in the common directory
        Path common = gitDir;
        Path commonFile = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonFile)) {
            common = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim()).normalize();
        }
        for (Path base : new Path[] {gitDir, common}) {
            Path loose = base.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return Optional.of(Files.readString(loose, StandardCharsets.UTF_8).trim());
            }
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                if (line.endsWith(" " + ref)) {
                    return Optional.of(line.substring(0, line.indexOf(' ')));
                }
            }
        }
        return Optional.empty();
    }
}
