package dev.txlab.cli.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * What the CLI jar was built from: its version and the git commit, which the build writes into the
 * jar's manifest ({@code Txlab-Git-Commit}, {@code Txlab-Git-Dirty}). Outside the jar (tests run
 * from classes) there is no such manifest.
 */
public final class BuildInfo {
    static final String COMMIT = "Txlab-Git-Commit";
    static final String DIRTY = "Txlab-Git-Dirty";

    private BuildInfo() {
    }

    /** The version, or "development build" outside the jar. */
    public static String version() {
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }

    /** The commit the jar was built from, with "+ uncommitted changes" when the tree was dirty; empty outside the jar. */
    public static Optional<String> commit() {
        return manifest().map(Manifest::getMainAttributes).flatMap(attributes ->
                Optional.ofNullable(attributes.getValue(COMMIT))
                        .filter(commit -> !commit.isBlank() && !commit.startsWith("${"))
                        .map(commit -> "true".equals(attributes.getValue(DIRTY)) ? commit + " + uncommitted changes"
                                : commit));
    }

    private static Optional<Manifest> manifest() {
        try {
            Enumeration<URL> manifests = BuildInfo.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    Manifest manifest = new Manifest(in);
                    Attributes attributes = manifest.getMainAttributes();
                    if (attributes.getValue(COMMIT) != null) {
                        return Optional.of(manifest);
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the jar's manifest", e);
        }
    }
}
