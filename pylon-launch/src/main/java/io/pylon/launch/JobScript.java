package io.pylon.launch;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The POSIX shell script that runs one attempt on the executing machine. It continues the run from its
 * last checkpoint when one exists ({@code train --resume}), otherwise starts it fresh after moving any
 * half-made run folder aside (nothing is deleted); the job folder must exist; it appends all output to {@code out.log} and ends
 * by writing the exit status to {@code exit.<attempt>} (temp + rename), so that status is a file that
 * outlives the launcher and the connection that started it.
 *
 * @param program the command that takes {@code train ...} arguments ({@code ./pylon}, a JVM command)
 * @param jobDir  the job's folder as the executing machine sees it
 * @param workdir folder to change into first; empty = stay
 * @param env     extra environment ({@code CUDA_VISIBLE_DEVICES})
 */
public record JobScript(Attempt attempt, List<String> program, String jobDir, String workdir, Map<String, String> env) {

    public JobScript {
        program = List.copyOf(program);
        env = Map.copyOf(env);
    }

    public static String exitFile(String jobDir, int attempt) {
        return jobDir + "/exit." + attempt;
    }

    public static String pidFile(String jobDir, int attempt) {
        return jobDir + "/pid." + attempt;
    }

    public String text() {
        Job job = attempt.job();
        int n = attempt.number();
        StringBuilder script = new StringBuilder("#!/bin/sh\n# pylon launch: job " + job.id() + ", attempt " + n + "\n");
        if (!workdir.isEmpty()) {
            script.append("cd ").append(quote(workdir)).append(" || exit 3\n");
        }
        script.append("echo $$ > ").append(quote(pidFile(jobDir, n))).append('\n');
        env.forEach((key, value) -> script.append("export ").append(key).append('=').append(quote(value)).append('\n'));
        String run = quote(job.runDir());
        // no $(hostname) or $(date): every fork counts when jobs are short; the journal has where and when
        script.append("echo '== attempt ").append(n).append("' >> ").append(quote(jobDir + "/out.log")).append('\n');
        script.append("if [ -f ").append(quote(job.lastCheckpoint())).append(" ]; then\n  ")
                .append(command(job.trainArguments(true))).append('\n');
        script.append("else\n  if [ -e ").append(run).append(" ]; then mv ").append(run).append(' ')
                .append(quote(job.runDir() + ".attempt-" + n + "-aside")).append("; fi\n  ")
                .append(command(job.trainArguments(false))).append('\n');
        script.append("fi >> ").append(quote(jobDir + "/out.log")).append(" 2>&1 < /dev/null\n");
        script.append("code=$?\n");
        String exit = quote(exitFile(jobDir, n));
        script.append("echo $code > ").append(quote(exitFile(jobDir, n) + ".tmp")).append(" && mv ")
                .append(quote(exitFile(jobDir, n) + ".tmp")).append(' ').append(exit).append('\n');
        script.append("exit $code\n");
        return script.toString();
    }

    private String command(List<String> trainArguments) {
        return program.stream().map(JobScript::quote).collect(Collectors.joining(" ")) + " "
                + trainArguments.stream().map(JobScript::quote).collect(Collectors.joining(" "));
    }

    /** Single-quotes a word for sh ({@code it's} becomes {@code 'it'\''s'}). */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
