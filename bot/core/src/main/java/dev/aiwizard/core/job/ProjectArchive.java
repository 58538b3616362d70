package dev.aiwizard.core.job;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A job's files as one ZIP archive, all under one folder named after the project: what the job API and the web
 * pages hand out for download, written the same way for both.
 */
public final class ProjectArchive {
    private ProjectArchive() {
    }

    /** The archive's folder (and file) name: the spec's project name, else the job's id. */
    public static String root(Job job) {
        requireNonNull(job, "job");
        return job.spec().name() == null ? job.id().value() : job.spec().name();
    }

    /** Writes {@code files} as a ZIP under {@code root}/ to {@code out}, and closes it. */
    public static void write(OutputStream out, String root, List<GeneratedFile> files) {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (GeneratedFile f : files) {
                zip.putNextEntry(new ZipEntry(root + "/" + f.path()));
                zip.write(f.content().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the archive " + root + ".zip failed", e);
        }
    }
}
